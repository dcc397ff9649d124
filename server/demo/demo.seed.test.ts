import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_STAGES } from '../../common/enums.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { hasData, seedDemo, wipe } from './demo.seed.js';

let database: TestDatabase;
let seeded: Awaited<ReturnType<typeof seedDemo>>;
const today = new Date('2026-11-27T09:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  seeded = await seedDemo(database.db, today);
}, 120_000);
afterAll(() => database.drop());

const count = async (table: 'users' | 'accounts' | 'projects' | 'contacts' | 'interactions', where?: [string, string]) => {
  let q = database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
  if (where) q = q.where(where[0] as never, '=', where[1] as never);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

describe('demo agency', () => {
  it('has the staff, clients and projects the product promises', async () => {
    expect(await count('users', ['role', 'account_manager'])).toBe(3);
    expect(await count('users', ['role', 'specialist'])).toBe(8);
    expect(await count('accounts')).toBe(40);
    expect(await count('projects')).toBe(60);
    expect(await count('contacts')).toBeGreaterThanOrEqual(80);
    expect(await count('interactions')).toBeGreaterThan(40 * 10);
    const stages = await database.db.selectFrom('projects').select('stage').distinct().execute();
    expect(stages.map((s) => s.stage).sort()).toEqual([...PROJECT_STAGES].sort());
  });

  it('shows real problems: late and blocked tasks, plans waiting for approval', async () => {
    const { services, people } = seeded;
    const manager = people.managers[0];
    const report = await services.projects.list(manager, { limit: 200, sort: undefined } as never);
    expect(report.items.length).toBeGreaterThan(10);
    const late = await database.db
      .selectFrom('tasks')
      .select('id')
      .where('status', '!=', 'done')
      .where('due_date', '<', '2026-11-27')
      .execute();
    const blocked = await database.db.selectFrom('tasks').select('id').where('status', '=', 'blocked').execute();
    expect(late.length).toBeGreaterThan(0);
    expect(blocked.length).toBeGreaterThan(0);
    const waiting = await database.db.selectFrom('projects').select('id').where('plan_status', '=', 'submitted').execute();
    expect(waiting.length).toBeGreaterThan(0);
    const overdue = await database.db
      .selectFrom('invoices')
      .select('id')
      .where('status', 'in', ['issued', 'partially_paid'])
      .where('due_date', '<', '2026-11-27')
      .execute();
    expect(overdue.length).toBeGreaterThan(0);
  });

  it('tells the truth about delivery: finished projects are never late, rouble projects are priced in roubles', async () => {
    const { services, people } = seeded;
    const cards = (await services.deliveryReports.portfolio(people.admin, { scope: 'all' })).stages.flatMap((s) => s.projects);
    const finished = cards.filter((p) => p.stage === 'delivered' || p.stage === 'closed');
    expect(finished.length).toBeGreaterThan(0);
    expect(finished.every((p) => p.dueDate !== null && p.dueDate < '2026-11-27' && !p.late)).toBe(true);
    expect(cards.some((p) => p.late)).toBe(true);
    const roubles = cards.filter((p) => p.currency === 'RUB' && p.spentHours > 0);
    expect(roubles.length).toBeGreaterThan(0);
    expect(roubles.every((p) => p.budgetUsedMinor !== null && p.budgetUsedMinor > 0 && p.missingRates.length === 0)).toBe(true);
  });

  it('refuses to mix with existing data unless wiped', async () => {
    expect(await hasData(database.db)).toBe(true);
    await wipe(database.db, database.dialect);
    expect(await hasData(database.db)).toBe(false);
    expect(await count('projects')).toBe(0);
  });
});
