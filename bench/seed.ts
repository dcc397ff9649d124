import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { buildApp } from '../server/app.js';
import { openDatabase, type Database } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrations/index.js';
import type { Location } from './target.js';
import { DELIVERY, specialistRole, writeDelivery } from './seed-delivery.js';
import { BILLING, writeBilling } from './seed-billing.js';
import { PIPELINE, writeDeals } from './seed-deals.js';
import {
  VOLUME,
  accountRow,
  contactRow,
  eventRow,
  interactionRow,
  nextStepRow,
  planAccounts,
  random,
  type Row,
  type SeedAccount,
} from './fixtures.js';

/** What `seed` writes, for the runs to print. */
export function describeVolume() {
  const n = (x: number) => x.toLocaleString('en');
  return [
    `${n(VOLUME.accounts)} accounts`,
    `${n(VOLUME.accounts * VOLUME.contactsPerAccount)} contacts`,
    `${n(VOLUME.interactions + VOLUME.events)} timeline entries`,
    `${n(DELIVERY.projects)} projects`,
    `${n(DELIVERY.tasks)} tasks`,
    `${n(BILLING.invoices)} invoices`,
    `${n(VOLUME.accounts * PIPELINE.dealsPerAccount)} deals`,
  ].join(', ');
}

/** Writes chunks of rows of one table; SQLite and PostgreSQL each get their fastest plain path. */
export type Sink = (table: string, rows: Row[]) => Promise<void> | void;

const CHUNK = 1_000;

export interface Seeded {
  managerId: string;
  token: string;
  hotAccountId: string;
  seconds: number;
  /** The agency's date the reports and the follow-up run use. */
  today: string;
  /** A finance user's Bearer token, for the receivables report over all accounts. */
  financeToken: string;
  billing: { invoices: number; payments: number; open: number; followUps: number };
}

/** Raw prepared statements inside the caller's single transaction. */
export function sqliteSink(conn: SQLite.Database): Sink {
  const statements = new Map<string, SQLite.Statement>();
  return (table, rows) => {
    const cols = Object.keys(rows[0]);
    let stmt = statements.get(table);
    if (!stmt) {
      stmt = conn.prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`);
      statements.set(table, stmt);
    }
    for (const r of rows) stmt.run(cols.map((c) => r[c]));
  };
}

/** Multi-row inserts, one statement per chunk. */
export const kyselySink =
  (trx: Kysely<any>): Sink =>
  async (table, rows) => {
    await trx.insertInto(table).values(rows).execute();
  };

/** Buffers rows per table; a full chunk flushes every table in first-use order, so parents land first. */
export function buffered(sink: Sink) {
  const buffers = new Map<string, Row[]>();
  const flushAll = async () => {
    for (const [table, rows] of buffers) if (rows.length) await sink(table, rows.splice(0));
  };
  const add = async (table: string, row: Row) => {
    const rows = buffers.get(table) ?? buffers.set(table, []).get(table)!;
    rows.push(row);
    if (rows.length < CHUNK) return;
    await flushAll();
    await new Promise((resolve) => setImmediate(resolve)); // lets Ctrl-C through during a long seed
  };
  return { add, flushAll };
}

/** Accounts, contacts, interactions (every other one linked to a contact) and system events. */
async function writeRows(sink: Sink, accounts: SeedAccount[], users: Users) {
  const { managerId } = users;
  const rnd = random(42);
  const out = buffered(sink);
  for (const [i, a] of accounts.entries()) await out.add('accounts', accountRow(a, i, managerId, rnd));
  await out.flushAll();
  for (const [i, a] of accounts.entries()) {
    for (const [k, id] of a.contactIds.entries()) await out.add('contacts', contactRow(a.id, id, i * VOLUME.contactsPerAccount + k, rnd));
  }
  await out.flushAll();
  const nextSteps: Row[] = [];
  for (const a of accounts) {
    for (let k = 0; k < a.interactions; k++) {
      const row = interactionRow(a, rnd);
      await out.add('interactions', row);
      if (k % 2 === 0) await out.add('interaction_contacts', { interaction_id: row.id, contact_id: a.contactIds[k % a.contactIds.length] });
      const step = nextStepRow(row, rnd);
      if (step) nextSteps.push(step);
    }
    for (let k = 0; k < a.events; k++) await out.add('timeline_events', eventRow(a, rnd));
  }
  await out.flushAll();
  for (const step of nextSteps) await out.add('next_steps', step);
  await out.flushAll();
  await writeDelivery(out.add, accounts, managerId, users.specialistIds, users.today, rnd);
  await out.flushAll();
  const billing = await writeBilling(out.add, accounts, users.today, rnd);
  await out.flushAll();
  await writeDeals(out.add, accounts, users.today, rnd);
  await out.flushAll();
  return billing;
}

type Users = Awaited<ReturnType<typeof createUsers>>;

// Hard to guess and free of the users' names and emails ("bench"), as every password must be.
const BENCH_PASSWORD = 'Quarry-Lantern-2025';

/** The benchmark's manager, other owners and a Bearer token, made through the services. */
async function createUsers(db: Database, dialect: 'sqlite' | 'postgres') {
  const app = await buildApp({ db, dialect, logLevel: 'silent', webDist: null });
  const manager = (email: string, name: string) =>
    app.services.users.create(null, { email, name, role: 'account_manager', password: BENCH_PASSWORD });
  const me = await manager('bench.manager@example.com', 'Bench Manager');
  const others = await Promise.all(Array.from({ length: 9 }, (_, i) => manager(`owner${i}@example.com`, `Owner ${i}`)));
  const { token } = await app.services.tokens.create({ id: me.id, role: 'account_manager', accountId: null }, 'bench');
  const specialists = await Promise.all(
    Array.from({ length: DELIVERY.specialists }, (_, i) =>
      app.services.users.create(null, {
        email: `specialist${i}@example.com`,
        name: `Specialist ${i}`,
        role: 'specialist',
        password: BENCH_PASSWORD,
        specialties: [specialistRole(i)],
      }),
    ),
  );
  const finance = await app.services.users.create(null, {
    email: 'bench.finance@example.com',
    name: 'Bench Finance',
    role: 'finance',
    password: BENCH_PASSWORD,
  });
  const financeToken = (await app.services.tokens.create({ id: finance.id, role: 'finance', accountId: null }, 'bench')).token;
  const today = await app.services.billingSettings.today();
  await app.close();
  return { managerId: me.id, otherIds: others.map((u) => u.id), token, specialistIds: specialists.map((u) => u.id), financeToken, today };
}

/** Migrates the fresh database at `location` and fills it with the benchmark volume. */
export async function seed(location: Location): Promise<Seeded> {
  const started = performance.now();
  const { db, dialect } = openDatabase(location);
  try {
    await migrateToLatest(db);
    const users = await createUsers(db, dialect);
    const accounts = planAccounts(users.managerId, users.otherIds);
    let billing: Seeded['billing'];
    if (location.sqlitePath) {
      const conn = new SQLite(location.sqlitePath);
      conn.pragma('synchronous = OFF');
      conn.exec('begin');
      billing = await writeRows(sqliteSink(conn), accounts, users);
      conn.exec('commit');
      conn.close();
    } else {
      billing = await db.transaction().execute((trx) => writeRows(kyselySink(trx), accounts, users));
      // Autovacuum would analyze soon after a real import; the planner needs the statistics.
      await sql`analyze`.execute(db);
    }
    const { managerId, token, financeToken, today } = users;
    return { managerId, token, financeToken, today, billing, hotAccountId: accounts[0].id, seconds: (performance.now() - started) / 1000 };
  } finally {
    await db.destroy();
  }
}
