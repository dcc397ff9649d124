import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleRatesPerCurrency } from '../../db/migrations/0015_role_rates_per_currency.js';
import { createProject, createTask } from '../../test/delivery-fixtures.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';

/*
 * Budget used is hours spent × the role's hourly rate in the project's own currency. A
 * rouble project is never priced with euro rates: while a role with hours has no rouble
 * rate, the portfolio says which, instead of a number. The agency's default currency is EUR.
 */
let t: TestApp;
let manager: Caller;
let rubProject: string;
let eurProject: string;

const settingsBody = (roleRates: Record<string, Record<string, number>>) => ({
  specialistRoles: ['seo', 'copywriter', 'other'],
  roleRates,
});
const card = async (projectId: string) =>
  (await manager.get('/api/v1/reports/portfolio'))
    .json()
    .stages.flatMap((s: { projects: { projectId: string }[] }) => s.projects)
    .find((p: { projectId: string }) => p.projectId === projectId);
const storedRates = async () =>
  (await t.database.db.selectFrom('settings').select('value').where('key', '=', 'delivery.role_rates').executeTakeFirst())?.value;
const storeRates = (value: unknown) =>
  t.database.db
    .insertInto('settings')
    .values({ key: 'delivery.role_rates', value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
    .execute();

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn('account_manager');
  const seo = await t.signIn('specialist');
  const rouble = await t.createAccount(manager, { name: 'Рога и копыта', currency: 'RUB' });
  const euro = await t.createAccount(manager, { name: 'Euro GmbH', currency: 'EUR' });
  rubProject = (await createProject(manager, rouble.id, { stage: 'planning', budgetMinor: 6_300_000 })).id;
  eurProject = (await createProject(manager, euro.id, { stage: 'planning', budgetMinor: 100_000 })).id;
  for (const projectId of [rubProject, eurProject]) {
    await createTask(manager, projectId, { assigneeId: seo.user.id, role: 'seo', estimateHours: 10, spentHours: 4 });
  }
});
afterAll(() => t.close());

describe('budget used per currency', () => {
  it('with euro rates only, a rouble project names the missing rate instead of a number', async () => {
    const rub = await card(rubProject);
    expect(rub).toMatchObject({ currency: 'RUB', spentHours: 4, budgetMinor: 6_300_000, budgetUsedMinor: null, missingRates: ['seo'] });
    // The default seo rate is €60.00 an hour.
    expect(await card(eurProject)).toMatchObject({ currency: 'EUR', budgetUsedMinor: 24_000, missingRates: [] });
  });

  it('prices the rouble project with the rouble rate once there is one', async () => {
    const res = await t.admin.put(
      '/api/v1/settings/delivery',
      settingsBody({ seo: { EUR: 6000, RUB: 450_000 }, copywriter: { EUR: 4500 }, other: { EUR: 5000 } }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(await card(rubProject)).toMatchObject({ budgetUsedMinor: 1_800_000, missingRates: [] });
    expect(await card(eurProject)).toMatchObject({ budgetUsedMinor: 24_000, missingRates: [] });
  });

  it('names every role with hours but no rate in the currency; a task without a role is priced as “other”', async () => {
    // copywriter has a euro rate only; the unassigned task has no role.
    const writer = await t.signIn('specialist');
    await createTask(manager, rubProject, { assigneeId: writer.user.id, role: 'copywriter', estimateHours: 2, spentHours: 2 });
    await createTask(manager, rubProject, { title: 'Unassigned', estimateHours: 1, spentHours: 1 });
    expect(await card(rubProject)).toMatchObject({ budgetUsedMinor: null, missingRates: ['copywriter', 'other'] });

    await t.admin.put(
      '/api/v1/settings/delivery',
      settingsBody({ seo: { EUR: 6000, RUB: 450_000 }, copywriter: { RUB: 300_000 }, other: { EUR: 5000, RUB: 250_000 } }),
    );
    expect(await card(rubProject)).toMatchObject({ budgetUsedMinor: 4 * 450_000 + 2 * 300_000 + 250_000, missingRates: [] });
  });

  it('lists the currencies in use, the default first, for the rate table’s columns', async () => {
    const settings = (await manager.get('/api/v1/settings/delivery')).json();
    expect(settings.currencies).toEqual(['EUR', 'RUB']);
    expect(settings.roleRates.copywriter).toEqual({ RUB: 300_000 });
  });

  it('refuses a rate that is not whole minor units, or a currency that does not exist, and changes nothing', async () => {
    const before = await storedRates();
    expectProblem(await t.admin.put('/api/v1/settings/delivery', settingsBody({ seo: { RUB: 12.5 } })), 400, 'roleRates.seo.RUB');
    expectProblem(await t.admin.put('/api/v1/settings/delivery', settingsBody({ seo: { XYZ: 100 } })), 400);
    expectProblem(await t.admin.put('/api/v1/settings/delivery', { specialistRoles: ['seo'], roleRates: { seo: 6000 } }), 400);
    expect(await storedRates()).toBe(before);
  });
});

describe('rates stored before they had a currency', () => {
  it('still read, in the agency’s default currency', async () => {
    await storeRates({ seo: 7000, other: 5000 });
    const settings = (await manager.get('/api/v1/settings/delivery')).json();
    expect(settings.roleRates).toEqual({ seo: { EUR: 7000 }, other: { EUR: 5000 } });
    expect(await card(eurProject)).toMatchObject({ budgetUsedMinor: 28_000 });
    // copywriter has no rate in any currency now, so its hours are priced as “other”.
    expect(await card(rubProject)).toMatchObject({ budgetUsedMinor: null, missingRates: ['other', 'seo'] });
  });

  it('move to the default currency’s column in migration 0015, and back when it is undone', async () => {
    await storeRates({ seo: 450_000, other: 250_000 });
    const migration = roleRatesPerCurrency('RUB');
    await migration.up(t.database.db);
    expect(JSON.parse((await storedRates())!)).toEqual({ seo: { RUB: 450_000 }, other: { RUB: 250_000 } });
    // Running it again over rates that already have currencies changes nothing.
    await migration.up(t.database.db);
    expect(JSON.parse((await storedRates())!)).toEqual({ seo: { RUB: 450_000 }, other: { RUB: 250_000 } });

    await storeRates({ seo: { RUB: 450_000, EUR: 6000 }, copywriter: { EUR: 4500 } });
    await migration.down!(t.database.db);
    expect(JSON.parse((await storedRates())!)).toEqual({ seo: 450_000 });
  });
});
