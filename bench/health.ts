import { pathToFileURL } from 'node:url';
import { composeServices, type Services } from '../server/composition.js';
import { openDatabase, type Database } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrations/index.js';
import { addDays } from '../server/lib/dates.js';
import { newId } from '../server/lib/ids.js';
import type { Actor } from '../server/modules/access/index.js';
import { createBenchAdmin } from './bench-admin.js';
import { table } from './report.js';
import { postgresTarget, sqliteTarget, type Location } from './target.js';
import { median, statementCounter } from './stats.js';

const RUNS = 15;
const GOAL_RATIO = 0.5;
const GOAL_SNAPSHOT_SECONDS = 30;

/** The sources' statements for one account alone, in parallel: nothing judged, worded or checked. */
function bareQueries(services: Services, db: Database, accountId: string, today: string, now: string) {
  const since = `${addDays(today, -365)}T00:00:00.000Z`;
  return Promise.all([
    services.paymentHealth.byAccount(db, accountId, today),
    services.satisfactionHealth.byAccount(db, accountId, now),
    services.claimHealth.byAccount(db, accountId, since, now),
    services.taskHealth.byAccount(db, accountId, today),
    services.milestoneHealth.byAccount(db, accountId, today),
    services.nextStepHealth.byAccount(db, accountId, today),
    services.dealHealth.byAccount(db, accountId, since),
    services.loyaltyHealth.byAccount(db, accountId, since),
    services.contactHealth.lastContact(db, accountId, now),
  ]);
}

export interface HealthBench {
  accounts: number;
  app: number;
  base: number;
  statements: number;
  snapshotSeconds: number;
  snapshotStatements: number;
}

/**
 * Health for the busiest account (GET's service: access, settings, every source, the verdict in
 * words, the trend) against its bare source queries, alternating runs in one process; then the
 * nightly snapshot of every active account, timed, with its statement count. Makes every account
 * active, as the snapshot judges only those.
 */
export async function timeHealth(location: Location, bench: { accountId: string; today: string }): Promise<HealthBench> {
  const { db } = openDatabase(location);
  try {
    await db.updateTable('accounts').set({ status: 'active' }).execute();
    const { counter, plugin } = statementCounter();
    const now = `${bench.today}T09:00:00.000Z`;
    const counted = db.withPlugin(plugin);
    const services = composeServices(counted, { now: () => new Date(now) });
    const actor: Actor = { ...(await createBenchAdmin(services, 'health')), language: 'en' };
    await services.health.forAccount(actor, bench.accountId, 90); // warm caches (settings, statements)
    counter.count = 0;
    await services.health.forAccount(actor, bench.accountId, 90);
    const statements = counter.count;
    const app: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let started = performance.now();
      await bareQueries(services, counted, bench.accountId, bench.today, now);
      base.push(performance.now() - started);
      started = performance.now();
      await services.health.forAccount(actor, bench.accountId, 90);
      app.push(performance.now() - started);
    }
    counter.count = 0;
    const started = performance.now();
    const run = await services.healthSnapshots.runOn(bench.today);
    return {
      accounts: run.accounts,
      app: median(app),
      base: median(base),
      statements,
      snapshotSeconds: (performance.now() - started) / 1000,
      snapshotStatements: counter.count,
    };
  } finally {
    await db.destroy();
  }
}

export function printHealth(r: HealthBench) {
  const ratio = r.base / r.app;
  console.log(`\naccount health, ${RUNS} runs; the nightly snapshot over ${r.accounts} active accounts`);
  table(
    ['measure', 'app', 'bare', 'ratio', 'goal', 'statements'],
    [
      [
        'health of one account (ms)',
        r.app.toFixed(1),
        r.base.toFixed(1),
        `${ratio.toFixed(2)}×`,
        ratio >= GOAL_RATIO ? 'yes' : 'NO',
        String(r.statements),
      ],
      [
        'nightly snapshot (s)',
        r.snapshotSeconds.toFixed(2),
        '—',
        '—',
        r.snapshotSeconds < GOAL_SNAPSHOT_SECONDS ? 'yes' : 'NO',
        String(r.snapshotStatements),
      ],
    ],
  );
}

/** A small data set for running this bench alone: accounts with invoices (some late), contacts logged, answers. */
async function seedSmall(db: Database, accounts: number, today: string): Promise<string> {
  const at = `${today}T08:00:00.000Z`;
  const ids: string[] = [];
  for (let i = 0; i < accounts; i++) {
    const id = newId();
    ids.push(id);
    await db
      .insertInto('accounts')
      .values({
        id,
        created_at: at,
        updated_at: at,
        name: `Bench ${i}`,
        search_text: `bench ${i}`,
        status: 'active',
        industry: null,
        website: null,
        owner_id: null,
        backup_owner_id: null,
        currency: 'EUR',
        payment_terms_days: 14,
        credit_limit_minor: i % 2 ? 500_000 : null,
        language: 'en',
        stop_work_since: null,
        stop_work_reason: null,
        stop_work_wording: null,
      })
      .execute();
    for (let k = 0; k < 10; k++) {
      const due = addDays(today, -10 * k - (i % 7));
      await db
        .insertInto('invoices')
        .values({
          id: newId(),
          created_at: at,
          updated_at: at,
          account_id: id,
          project_id: null,
          kind: 'invoice',
          credited_invoice_id: null,
          number: `B-${i}-${k}`,
          status: k % 3 ? 'paid' : 'issued',
          issue_date: addDays(due, -14),
          due_date: due,
          currency: 'EUR',
          subtotal_minor: 10_000,
          tax_minor: 0,
          total_minor: 10_000,
          notes: null,
          search_text: '',
          created_by: null,
          issued_at: at,
          issued_by: null,
          voided_at: null,
          voided_by: null,
          void_reason: null,
        })
        .execute();
    }
    await db
      .insertInto('interactions')
      .values({
        id: newId(),
        created_at: at,
        updated_at: at,
        account_id: id,
        type: 'call',
        occurred_at: `${addDays(today, -(i % 30))}T10:00:00.000Z`,
        summary: 'Call',
        outcome: null,
        deal_id: null,
        project_id: null,
        author_id: null,
        search_text: 'call',
      })
      .execute();
  }
  return ids[0];
}

/** `npx tsx bench/health.ts [accounts]`: this bench alone on a small data set (SQLite, and PostgreSQL with DATABASE_URL). */
async function main() {
  const accounts = Number(process.argv[2] ?? 200);
  const targets = [sqliteTarget()];
  if (process.env.DATABASE_URL) targets.push(await postgresTarget(process.env.DATABASE_URL));
  for (const target of targets) {
    try {
      const { db } = openDatabase(target.location);
      await migrateToLatest(db);
      const today = '2026-06-15';
      const accountId = await db.transaction().execute((t) => seedSmall(t as Database, accounts, today));
      await db.destroy();
      console.log(`\n== ${target.name}`);
      printHealth(await timeHealth(target.location, { accountId, today }));
    } finally {
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
