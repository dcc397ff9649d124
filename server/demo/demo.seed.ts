import { sql } from 'kysely';
import type { Database, DialectName } from '../db/database.js';
import { composeServices } from '../composition.js';
import { seedAccounts } from './demo.accounts.js';
import { seedActs } from './demo.acts.js';
import { seedDeals } from './demo.deals.js';
import { seedClaims } from './demo.claims.js';
import { seedCorrectiveActions } from './demo.corrective-actions.js';
import { seedObjections } from './demo.objections.js';
import { seedProposals } from './demo.proposals.js';
import { seedCatalog } from './demo.catalog.js';
import { seedLoyalty } from './demo.loyalty.js';
import { seedHealthHistory, seedSouredWeek } from './demo.health.js';
import { DemoClock } from './demo.clock.js';
import { createStaff } from './demo.people.js';
import { seedProjects } from './demo.projects.js';
import { seedRates } from './demo.rates.js';
import { seedStatusReports } from './demo.status-reports.js';
import { seedSurveys } from './demo.surveys.js';
import { seedBillingDemo } from './demo.billing.js';
import { DemoRandom } from './demo.random.js';

/** True when the database already holds users or accounts. */
export async function hasData(db: Database): Promise<boolean> {
  const user = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  const account = await db.selectFrom('accounts').select('id').limit(1).executeTakeFirst();
  return !!(user || account);
}

/** Deletes every row of every table but the migration history. */
export async function wipe(db: Database, dialect: DialectName): Promise<void> {
  const tables = (await db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_'));
  if (dialect === 'postgres') {
    await sql`truncate ${sql.join(tables.map((t) => sql.id(t)))} cascade`.execute(db);
    return;
  }
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    for (const t of tables) await sql`delete from ${sql.id(t)}`.execute(db);
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

/**
 * A realistic agency as of `today`: staff, its service catalog, 40 clients with a year of history, 60
 * projects at every stage, and each manager's sales pipeline. Everything goes through the services, so access rules, audit
 * entries and timeline events are the same as for data entered by hand.
 */
export async function seedDemo(db: Database, today = new Date()) {
  const clock = new DemoClock(today);
  const services = composeServices(db, clock);
  const rnd = new DemoRandom();
  const people = await createStaff(services);
  await seedRates(services, people.admin);
  await seedCatalog(services, people.admin);
  const accounts = await seedAccounts(services, people, clock, rnd);
  await seedProjects(services, people, accounts, clock, rnd);
  clock.daysAgo(null);
  await seedActs(services, people, accounts, clock);
  // The first two accounts are the ones with portal logins.
  await seedStatusReports(services, people, accounts.slice(0, 2), clock);
  await seedBillingDemo(db, { accounts, managers: people.managers, clock });
  await seedDeals(db, services, people, accounts, clock);
  await seedClaims(db, services, people, accounts, clock);
  await seedObjections(db, services, people, accounts, clock);
  await seedProposals(db, people, clock);
  await seedSurveys(db, people, accounts, clock);
  await seedCorrectiveActions(services, people, clock);
  await seedLoyalty(services, people, accounts, clock);
  await seedSouredWeek(db, people, accounts, clock);
  await seedHealthHistory(services, clock);
  return { services, people, accounts, clock, rnd };
}
