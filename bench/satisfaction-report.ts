import { sql, type Kysely } from 'kysely';
import { fileURLToPath } from 'node:url';
import { composeServices } from '../server/composition.js';
import { openDatabase } from '../server/db/database.js';
import { table } from './report.js';
import { seed, type Seeded } from './seed.js';
import { sqliteTarget, type Location } from './target.js';
import { median } from './stats.js';

const ANSWERS = 100_000;
const CLAIMS = 20_000;
const RUNS = 7;
const CHUNK = 500;
const DAY = 86_400_000;
const CATEGORIES = ['quality', 'deadline', 'communication', 'billing', 'other'];
const CAUSES = ['unclear_requirements', 'underestimated', 'skills_gap', 'handover', 'no_review', 'client_side', 'other'];

/** A small deterministic generator, so every run measures the same data. */
function random(seedValue: number) {
  let s = seedValue;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

async function insertChunks(db: Kysely<any>, tableName: string, rows: Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto(tableName)
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

/**
 * A year of survey answers (100,000: NPS and CSAT, some on projects, low ones with a comment)
 * and claims (20,000, in every state, resolved ones with a root cause) over the seeded accounts.
 */
export async function seedSatisfaction(location: Location, today: string) {
  const { db } = openDatabase(location);
  try {
    const accounts = await db
      .selectFrom('contacts')
      .select(['contacts.account_id', sql<string>`min(contacts.id)`.as('contact_id')])
      .groupBy('contacts.account_id')
      .limit(5_000)
      .execute();
    const projects = await db.selectFrom('projects').select(['id', 'account_id']).execute();
    const contactOf = new Map(accounts.map((a) => [a.account_id, a.contact_id]));
    const rnd = random(42);
    const end = Date.parse(`${today}T00:00:00.000Z`);
    const at = () => new Date(end - Math.floor(rnd() * 365 * DAY)).toISOString();
    const answers = Array.from({ length: ANSWERS }, (_, i) => {
      const project = i % 3 === 0 && projects.length ? projects[i % projects.length] : undefined;
      const onProject = project && contactOf.has(project.account_id) ? project : undefined;
      const account_id = onProject ? onProject.account_id : accounts[i % accounts.length].account_id;
      const contact_id = contactOf.get(account_id)!;
      const nps = i % 10 < 7;
      const score = nps ? Math.floor(rnd() * 11) : 1 + Math.floor(rnd() * 5);
      const when = at();
      return {
        id: `bench-survey-${i}`,
        created_at: when,
        updated_at: when,
        account_id,
        project_id: onProject ? onProject.id : null,
        contact_id,
        kind: nps ? 'nps' : 'csat',
        trigger: 'quarterly',
        language: 'en',
        token_hash: null,
        sent_at: when,
        expires_at: when,
        score,
        comment: (nps ? score <= 6 : score <= 2) ? `Slow answers, case ${i % 50}` : null,
        answered_at: when,
      };
    });
    const claims = Array.from({ length: CLAIMS }, (_, i) => {
      const { account_id } = accounts[(i * 7) % accounts.length];
      const created = at();
      const t0 = Date.parse(created);
      const hours = (h: number) => new Date(t0 + h * 3_600_000).toISOString();
      const state = i % 4; // received, in progress, resolved, closed
      return {
        id: `bench-claim-${i}`,
        created_at: created,
        updated_at: created,
        account_id,
        category: CATEGORIES[Math.floor(rnd() * rnd() * CATEGORIES.length)],
        severity: 'medium',
        description: `Claim ${i}`,
        source: 'manager',
        status: ['received', 'in_progress', 'resolved', 'closed'][state],
        respond_by: hours(24),
        resolve_by: hours(120),
        responded_at: state > 0 ? hours(rnd() * 40) : null,
        resolved_at: state > 1 ? hours(40 + rnd() * 150) : null,
        closed_at: state > 2 ? hours(200) : null,
        root_cause: state > 1 ? CAUSES[Math.floor(rnd() * rnd() * CAUSES.length)] : null,
        search_text: `claim ${i}`,
      };
    });
    await db.transaction().execute(async (trx) => {
      await insertChunks(trx, 'surveys', answers);
      await insertChunks(trx, 'claims', claims);
    });
    if (location.databaseUrl) await sql`analyze`.execute(db);
    return { answers: ANSWERS, claims: CLAIMS, accounts: accounts.length };
  } finally {
    await db.destroy();
  }
}

/**
 * The bare aggregates: the same statements the report runs (its GROUP BYs and the two medians),
 * hand-written, with no access scope, no settings, no names and no assembling (the floor the
 * report is measured against), one after another where the report runs them side by side.
 */
function bareStatements(postgres: boolean, from: string, to: string, today: string) {
  const month = postgres ? sql`to_char(answered_at at time zone 'UTC', 'YYYY-MM')` : sql`substr(answered_at, 1, 7)`;
  const hours = (c: string) =>
    postgres ? sql`extract(epoch from (${sql.ref(c)} - created_at)) / 3600` : sql`(julianday(${sql.ref(c)}) - julianday(created_at)) * 24`;
  const answered = sql`answered_at >= ${from} and answered_at < ${to}`;
  const created = sql`created_at >= ${from} and created_at < ${to}`;
  const late = (t: 'milestones' | 'tasks') =>
    sql`${sql.ref(`${t}.due_date`)} >= ${from.slice(0, 10)} and ${sql.ref(`${t}.due_date`)} <= ${to.slice(0, 10)} and ((${sql.ref(`${t}.done_on`)} is null and ${sql.ref(`${t}.due_date`)} < ${today}) or ${sql.ref(`${t}.done_on`)} > ${sql.ref(`${t}.due_date`)})`;
  return [
    sql`select ${month} as m, sum(case when score >= 9 then 1 else 0 end), sum(case when score between 7 and 8 then 1 else 0 end), sum(case when score <= 6 then 1 else 0 end) from surveys where kind = 'nps' and ${answered} group by m`,
    sql`select project_id, count(*), sum(score), sum(case when score <= 2 then 1 else 0 end) from surveys where kind = 'csat' and ${answered} group by project_id`,
    sql`select category, count(*) from claims where ${created} group by category`,
    sql`select root_cause, count(*) from claims where ${created} and root_cause is not null group by root_cause`,
    sql`select count(*), sum(case when responded_at <= respond_by then 1 else 0 end), avg(${hours('responded_at')}), sum(case when resolved_at <= resolve_by then 1 else 0 end), avg(${hours('resolved_at')}) from claims where ${created}`,
    sql`select coalesce(projects.kind, 'none') as k, count(*), count(distinct surveys.account_id) from surveys left join projects on projects.id = surveys.project_id where ((surveys.kind = 'nps' and score <= 6) or (surveys.kind = 'csat' and score <= 2)) and ${answered} group by k`,
    sql`select k, comment from (select coalesce(projects.kind, 'none') as k, comment, row_number() over (partition by coalesce(projects.kind, 'none') order by answered_at desc, surveys.id desc) as r from surveys left join projects on projects.id = surveys.project_id where ((surveys.kind = 'nps' and score <= 6) or (surveys.kind = 'csat' and score <= 2)) and comment is not null and comment != '' and ${answered}) c where r <= 3`,
    sql`select invoices.account_id, count(*) from invoices where kind = 'invoice' and status = 'paid' and due_date >= ${from.slice(0, 10)} and (select max(p.paid_on) from payments p where p.invoice_id = invoices.id and p.status = 'recorded') > due_date group by invoices.account_id`,
    sql`select account_id, currency, count(*) from invoices where kind = 'invoice' and status in ('issued', 'partially_paid') and due_date < ${today} and due_date >= ${from.slice(0, 10)} group by account_id, currency`,
    // CSAT by specialist: the answers on a project (or a milestone) credited to who worked on it.
    sql`with a as (select project_id, milestone_id, count(*) as n, sum(score) as total from surveys where kind = 'csat' and project_id is not null and ${answered} group by project_id, milestone_id)
      select p.assignee_id, sum(p.n), sum(p.total) from (
        select t.assignee_id, a.n, a.total from a join (select distinct project_id, assignee_id from tasks where assignee_id is not null and project_id in (select project_id from a)) t on t.project_id = a.project_id where a.milestone_id is null
        union all
        select t.assignee_id, a.n, a.total from a join (select distinct milestone_id, assignee_id from tasks where assignee_id is not null and milestone_id in (select milestone_id from a)) t on t.milestone_id = a.milestone_id where a.milestone_id is not null
      ) p group by p.assignee_id`,
    sql`select projects.account_id, count(*) from milestones join projects on projects.id = milestones.project_id where ${late('milestones')} group by projects.account_id`,
    sql`select account_id, count(*) from tasks where ${late('tasks')} group by account_id`,
    // The two medians: the middle rows of the claims responded to (three in four) and resolved (one in two), by hours taken.
    ...(
      [
        ['responded_at', (CLAIMS * 3) / 8],
        ['resolved_at', CLAIMS / 4],
      ] as const
    ).map(
      ([c, middle]) =>
        sql`select ${hours(c)} as h from claims where ${created} and ${sql.ref(c)} is not null order by h limit 2 offset ${middle}`,
    ),
  ];
}

/** The agency-wide report for the last twelve months as an admin reads it, against the bare aggregates, in the same run. */
export async function timeSatisfactionReport(location: Location, today: string) {
  const { db } = openDatabase(location);
  try {
    const services = composeServices(db, { now: () => new Date(`${today}T09:00:00.000Z`) });
    const admin = await services.users.create(null, {
      email: 'bench.satisfaction@example.com',
      name: 'Bench Analyst',
      role: 'admin',
      password: 'Quarry-Lantern-2025',
    });
    const actor = { id: admin.id, role: admin.role, accountId: null };
    const first = await services.satisfactionReports.report(actor, {});
    const statements = bareStatements(Boolean(location.databaseUrl), `${first.from}T00:00:00.000Z`, `${first.to}T23:59:59.999Z`, today);
    const app: number[] = [];
    const bare: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      let started = performance.now();
      await services.satisfactionReports.report(actor, {});
      app.push(performance.now() - started);
      started = performance.now();
      for (const s of statements) await s.execute(db);
      bare.push(performance.now() - started);
    }
    return {
      app: median(app),
      bare: median(bare),
      responses: first.nps.total.responses + first.csat.total.responses,
      claims: first.claims.total,
    };
  } finally {
    await db.destroy();
  }
}

export function printSatisfactionReport(r: Awaited<ReturnType<typeof timeSatisfactionReport>>) {
  console.log(
    `\ncooperation analysis, agency-wide, last 12 months (${r.responses} answers, ${r.claims} claims in it), median of ${RUNS} runs`,
  );
  table(
    ['what', 'median ms', 'bare aggregates ms', 'ratio (bare / app)', 'target'],
    [['GET /reports/satisfaction (service)', r.app.toFixed(1), r.bare.toFixed(1), (r.bare / r.app).toFixed(2), '≥ 0.5']],
  );
}

/** `npx tsx bench/satisfaction-report.ts`: this benchmark alone, on a freshly seeded SQLite file. */
async function alone() {
  const target = sqliteTarget();
  try {
    const seeded: Seeded = await seed(target.location);
    const s = await seedSatisfaction(target.location, seeded.today);
    console.log(`seeded ${s.answers} answers and ${s.claims} claims over ${s.accounts} accounts`);
    printSatisfactionReport(await timeSatisfactionReport(target.location, seeded.today));
  } finally {
    await target.drop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  alone().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
