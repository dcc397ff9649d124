/**
 * Global search at volume: accounts with three contacts each (names in Latin and Cyrillic),
 * indexed by the search module's own catch-up (timed), then typical queries (a short prefix, a
 * whole word, two words, ё typed as е) as an administrator and as a manager who owns one
 * account in a hundred, each against its bare query (the same index range read and a read of
 * the records it names: no access or ranking). A search is one ranked statement over the index
 * (kept current as records are written) and a read of the records it shows. Goals: p95 ≤ 50 ms,
 * ratio ≥ 0.5×.
 *
 * `npx tsx bench/search.ts [accounts]` (default 100,000; SQLite, and PostgreSQL with DATABASE_URL).
 */
import { pathToFileURL } from 'node:url';
import { composeServices } from '../server/composition.js';
import { openDatabase, type Database } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrations/index.js';
import { newId } from '../server/lib/ids.js';
import type { Actor } from '../server/modules/access/index.js';
import { wordsOf } from '../server/modules/search/index.js';
import { accountRow, contactRow, random, type Row } from './fixtures.js';
import { table } from './report.js';
import { postgresTarget, sqliteTarget } from './target.js';

const CONTACTS_PER_ACCOUNT = 3;
const RUNS = 20;
const GOAL_P95_MS = 50;
const GOAL_RATIO = 0.5;
const CHUNK = 500;
const QUERIES = ['no', 'ром', 'север', 'елка med', 'acme labs', 'anna', 'федор', 'stark 7'];

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];

async function seed(db: Database, accounts: number, managerId: string, otherId: string): Promise<void> {
  const rnd = random(20261201);
  await db.transaction().execute(async (t) => {
    for (let start = 0; start < accounts; start += CHUNK) {
      const rows: Row[] = [];
      const contacts: Row[] = [];
      for (let i = start; i < Math.min(accounts, start + CHUNK); i++) {
        const a = { id: newId(), ownerId: i % 100 === 0 ? managerId : otherId, contactIds: [], interactions: 0, events: 0 };
        rows.push(accountRow(a, i, managerId, rnd));
        for (let k = 0; k < CONTACTS_PER_ACCOUNT; k++) contacts.push(contactRow(a.id, newId(), i * CONTACTS_PER_ACCOUNT + k, rnd));
      }
      await t
        .insertInto('accounts')
        .values(rows as never)
        .execute();
      await t
        .insertInto('contacts')
        .values(contacts as never)
        .execute();
    }
  });
}

/** The bare query: the index range of the longest word, and the records it names. */
async function bare(db: Database, q: string) {
  const driver = wordsOf(q).reduce((a, b) => (b.length > a.length ? b : a));
  const hits = await db
    .selectFrom('search_terms')
    .select(['kind', 'record_id'])
    .where('term', '>=', driver)
    .where('term', '<', `${driver}\uffff`)
    .orderBy('term')
    .limit(300)
    .execute();
  const of = (kind: string) => [...new Set(hits.filter((h) => h.kind === kind).map((h) => h.record_id))];
  const accounts = of('account');
  const contacts = of('contact');
  await Promise.all([
    accounts.length ? db.selectFrom('accounts').select(['id', 'name']).where('id', 'in', accounts).execute() : [],
    contacts.length ? db.selectFrom('contacts').select(['id', 'first_name']).where('id', 'in', contacts).execute() : [],
  ]);
}

interface Row95 {
  who: string;
  p50: number;
  p95: number;
  bare50: number;
  /** This process's CPU time (median): on a busy shared machine the wall clock also counts the waits for a core. */
  cpu50: number;
  bareCpu50: number;
}

/** Runs `work`, adding its wall-clock and this process's CPU milliseconds to the lists. */
async function timed(work: () => Promise<unknown>, wall: number[], cpu: number[]): Promise<void> {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  await work();
  wall.push(performance.now() - started);
  const used = process.cpuUsage(cpuStart);
  cpu.push((used.user + used.system) / 1000);
}

async function measure(db: Database, search: (actor: Actor, q: string) => Promise<unknown>, actor: Actor, who: string): Promise<Row95> {
  for (const q of QUERIES) await search(actor, q); // warm statements and caches
  const [app, base, appCpu, baseCpu]: number[][] = [[], [], [], []];
  for (let run = 0; run < RUNS; run++) {
    for (const q of QUERIES) {
      await timed(() => bare(db, q), base, baseCpu);
      await timed(() => search(actor, q), app, appCpu);
    }
  }
  return {
    who,
    p50: quantile(app, 0.5),
    p95: quantile(app, 0.95),
    bare50: quantile(base, 0.5),
    cpu50: quantile(appCpu, 0.5),
    bareCpu50: quantile(baseCpu, 0.5),
  };
}

async function main() {
  const accounts = Number(process.argv[2] ?? 100_000);
  const targets = [sqliteTarget()];
  if (process.env.DATABASE_URL) targets.push(await postgresTarget(process.env.DATABASE_URL));
  for (const target of targets) {
    const { db } = openDatabase(target.location);
    try {
      await migrateToLatest(db);
      const services = composeServices(db, { now: () => new Date('2026-06-15T09:00:00.000Z') });
      const user = (role: 'admin' | 'account_manager', key: string) =>
        services.users.create(null, {
          email: `bench.search.${key}@example.com`,
          name: `Bench ${key}`,
          role,
          password: 'Quarry-Lantern-2025',
        });
      const admin = await user('admin', 'admin');
      const manager = await user('account_manager', 'manager');
      const other = await user('account_manager', 'other');
      let started = performance.now();
      await seed(db, accounts, manager.id, other.id);
      const seedSeconds = (performance.now() - started) / 1000;
      started = performance.now();
      await services.globalSearch.catchUp();
      const indexSeconds = (performance.now() - started) / 1000;
      const terms = await db
        .selectFrom('search_terms')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const search = (actor: Actor, q: string) => services.globalSearch.search(actor, { q, limit: 5 });
      const rows = [
        await measure(db, search, { id: admin.id, role: 'admin', accountId: null }, 'admin'),
        await measure(db, search, { id: manager.id, role: 'account_manager', accountId: null }, 'manager (1% of accounts)'),
      ];
      console.log(
        `\n== ${target.name}: ${accounts} accounts, ${accounts * CONTACTS_PER_ACCOUNT} contacts seeded in ${seedSeconds.toFixed(1)} s; ` +
          `indexed (${Number(terms.n)} words) in ${indexSeconds.toFixed(1)} s; ${RUNS} runs of ${QUERIES.length} queries`,
      );
      table(
        // CPU: of this process only (on PostgreSQL the server's share is not in it).
        ['caller', 'p50 ms', 'p95 ms', 'bare p50 ms', 'ratio', 'goal', 'cpu p50 ms', 'bare cpu p50 ms', 'cpu ratio'],
        rows.map((r) => {
          const ratio = r.bare50 / r.p50;
          return [
            r.who,
            r.p50.toFixed(1),
            r.p95.toFixed(1),
            r.bare50.toFixed(1),
            `${ratio.toFixed(2)}×`,
            r.p95 <= GOAL_P95_MS && ratio >= GOAL_RATIO ? 'yes' : 'NO',
            r.cpu50.toFixed(1),
            r.bareCpu50.toFixed(1),
            `${(r.bareCpu50 / r.cpu50).toFixed(2)}×`,
          ];
        }),
      );
    } finally {
      await db.destroy();
      await target.drop();
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
