import { sql } from 'kysely';
import type { Database } from '../../server/db/database.js';
import { LOGIN_LIMITS } from '../../server/modules/auth/login-limits.js';
import { Client, type Acknowledged, type Credentials } from './load.js';

/** One verdict of the drill: `ok` false fails the run. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

async function missing(db: Database, table: 'accounts' | 'interactions', ids: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom(table)
      .select('id')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.id);
  }
  return ids.filter((id) => !found.has(id));
}

/** Every acknowledged write is in the database; every Idempotency-Key recorded one payment. */
export async function checkWrites(db: Database, acked: Acknowledged, adminId: string): Promise<Check[]> {
  const checks: Check[] = [];
  for (const table of ['accounts', 'interactions'] as const) {
    const lost = await missing(db, table, acked[table]);
    checks.push({
      name: `acknowledged ${table} stored`,
      ok: lost.length === 0,
      detail:
        lost.length === 0
          ? `${acked[table].length} of ${acked[table].length}`
          : `${lost.length} missing, e.g. ${lost.slice(0, 3).join(', ')}`,
    });
  }

  // The service stores the key with its caller's id, so that two users' keys never meet.
  const rows = await db
    .selectFrom('payments')
    .select(['id', 'idempotency_key'])
    .where('idempotency_key', 'like', `${adminId}:drill-%`)
    .execute();
  const stored = new Map<string, string[]>();
  for (const r of rows) {
    const key = r.idempotency_key!.slice(adminId.length + 1);
    stored.set(key, [...(stored.get(key) ?? []), r.id]);
  }
  const duplicates = [...stored].filter(([, ids]) => ids.length > 1);
  checks.push({
    name: 'one payment per Idempotency-Key',
    ok: duplicates.length === 0,
    detail:
      duplicates.length === 0
        ? `${stored.size} keys, ${rows.length} payments`
        : `${duplicates.length} keys paid twice, e.g. ${duplicates[0][0]}`,
  });
  const answered = [...acked.payments].filter(([, ids]) => ids.size > 1);
  checks.push({
    name: 'a retried key answers the same payment',
    ok: answered.length === 0,
    detail:
      answered.length === 0
        ? `${acked.payments.size} keys acknowledged, ${acked.retriedKeys} of them sent twice`
        : `${answered.length} keys answered different payments`,
  });
  const lost = [...acked.payments].filter(([key, ids]) => !stored.get(key)?.includes([...ids][0]));
  checks.push({
    name: 'acknowledged payments stored',
    ok: lost.length === 0,
    detail: lost.length === 0 ? `${acked.payments.size} of ${acked.payments.size}` : `${lost.length} missing, e.g. key ${lost[0][0]}`,
  });
  return checks;
}

/** No job period completed twice, whichever instances raced for it, restarts and kill -9 included. */
export async function checkJobs(db: Database): Promise<Check[]> {
  const periods = await db
    .selectFrom('job_runs')
    .select([
      'job_name',
      'run_key',
      sql<number>`count(*)`.as('attempts'),
      sql<number>`sum(case when status = 'done' then 1 else 0 end)`.as('done'),
      sql<number>`count(distinct instance_id)`.as('instances'),
    ])
    .groupBy(['job_name', 'run_key'])
    .execute();
  const twice = periods.filter((p) => Number(p.done) > 1);
  const instances = await db
    .selectFrom('job_runs')
    .select(sql<number>`count(distinct instance_id)`.as('n'))
    .executeTakeFirstOrThrow();
  const jobs = new Set(periods.map((p) => p.job_name));
  const done = periods.filter((p) => Number(p.done) === 1).length;
  return [
    {
      name: 'every job period done at most once',
      ok: twice.length === 0 && periods.length > 0,
      detail:
        twice.length === 0
          ? `${periods.length} periods of ${jobs.size} jobs: ${done} done once, ${periods.length - done} not done (failed, or cut by kill -9); runs by ${Number(instances.n)} processes`
          : `${twice.length} periods done twice, e.g. ${twice[0].job_name} ${twice[0].run_key}`,
    },
  ];
}

/** A session made on one instance works on every instance, and signing out there ends it everywhere. */
export async function checkSessions(instances: string[], credentials: Credentials): Promise<Check> {
  const first = new Client(instances[0], '198.51.100.200');
  if (!(await first.signIn(credentials))) return { name: 'sessions shared', ok: false, detail: 'cannot sign in' };
  const me = (base: string) => {
    const client = new Client(base, '198.51.100.200');
    client.cookie = first.cookie;
    return client.request('me', 'GET', '/api/v1/auth/me');
  };
  const seen = await Promise.all(instances.map((base) => me(base).then((r) => r?.status)));
  const out = new Client(instances[1], '198.51.100.200');
  out.cookie = first.cookie;
  const signedOut = (await out.request('sign-out', 'POST', '/api/v1/auth/logout'))?.status;
  const after = await Promise.all(instances.map((base) => me(base).then((r) => r?.status)));
  const ok = seen.every((s) => s === 200) && signedOut !== undefined && signedOut < 300 && after.every((s) => s === 401);
  return {
    name: 'sessions shared',
    ok,
    detail: `made on ${instances.length > 0 ? 'the first' : '-'}: ${seen.join('/')} on each; after sign-out on the second (${signedOut}): ${after.join('/')}`,
  };
}

/**
 * Failed sign-ins from one address count on every instance: the limit's worth of failures spread
 * over the instances, then the next attempt is refused (429) on each of them.
 */
export async function checkSignInLimits(instances: string[]): Promise<Check> {
  const address = '203.0.113.77';
  const wrong = { email: 'nobody@drill.test', password: 'Not-the-password-1' };
  const limit = LOGIN_LIMITS.perAccountFromAddress;
  const statuses: Array<number | undefined> = [];
  for (let i = 0; i < limit; i++) {
    const res = await new Client(instances[i % instances.length], address).request('sign-in', 'POST', '/api/v1/auth/login', wrong);
    statuses.push(res?.status);
  }
  const refused = await Promise.all(
    instances.map((base) => new Client(base, address).request('sign-in', 'POST', '/api/v1/auth/login', wrong).then((r) => r?.status)),
  );
  const ok = statuses.every((s) => s === 401) && refused.every((s) => s === 429);
  return {
    name: 'sign-in limits shared',
    ok,
    detail: `${limit} failures spread over the instances; the next on each: ${refused.join('/')}`,
  };
}
