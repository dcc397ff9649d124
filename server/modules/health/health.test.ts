import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../common/schemas/account.js';
import type { AccountHealth, HealthComponent } from '../../../common/schemas/health.js';
import { issuedInvoice, pay } from '../../test/billing-fixtures.js';
import { createInteraction, expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { npsAnswer } from '../../test/loyalty-fixtures.js';
import { agendaOfKind } from '../../test/today-fixtures.js';
import { DEFAULT_HEALTH_SETTINGS, HEALTH_SNAPSHOT_JOB } from './index.js';

let t: TestApp;
let owner: Caller;
let stranger: Caller;
/** Pays on time, NPS 9, called last week: healthy. */
let happy: Account;
/** An invoice two months overdue and NPS 4: at risk. */
let late: Account;
/** Nothing recorded at all. */
let empty: Account;

const line = (amount: number) => [{ description: 'Work', quantity: 1, unitPriceMinor: amount }];

async function healthOf(by: Caller, accountId: string): Promise<AccountHealth> {
  const res = await by.get(`/api/v1/accounts/${accountId}/health`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const component = (h: AccountHealth, c: HealthComponent) => h.components.find((x) => x.component === c)!;
const codes = (h: AccountHealth, c: HealthComponent) => component(h, c).facts.map((f) => f.code);

beforeAll(async () => {
  t = await createTestApp({ now: '2026-06-15T09:00:00.000Z' });
  owner = await t.signIn('account_manager');
  stranger = await t.signIn('account_manager');
  const open = (name: string) => t.createAccount(t.admin, { name, status: 'active', ownerId: owner.user.id, paymentTermsDays: 14 });
  happy = await open('Punctual Ltd');
  late = await open('Slowpay Inc');
  empty = await open('Blank Co');

  const paid = await issuedInvoice(t.admin, happy.id, { lines: line(100_000), issueDate: '2026-05-01' });
  await pay(t.admin, paid.id, paid.totalMinor, '2026-05-10');
  const contact = await t.createContact(t.admin, happy.id, 'Hana');
  await npsAnswer(t, happy.id, contact.id, 9, '2026-06-01T10:00:00.000Z');
  await createInteraction(owner, happy.id, { occurredAt: '2026-06-10T10:00:00.000Z' });

  await issuedInvoice(t.admin, late.id, { lines: line(250_000), issueDate: '2026-04-01' });
  const lateContact = await t.createContact(t.admin, late.id, 'Luka');
  await npsAnswer(t, late.id, lateContact.id, 4, '2026-06-05T10:00:00.000Z');
});
afterAll(() => t.close());

describe('the health of an account', () => {
  it('is healthy for a punctual, happy client in touch, with the facts behind each component', async () => {
    const h = await healthOf(owner, happy.id);
    expect(h).toMatchObject({ accountId: happy.id, asOf: '2026-06-15', grade: 'healthy' });
    expect(h.score).toBeGreaterThanOrEqual(90);
    expect(component(h, 'payment')).toMatchObject({ hasData: true, score: 100, weight: 25 });
    expect(component(h, 'payment').facts[0].text).toBe('Every invoice due in the last 180 days was paid on time (1)');
    expect(codes(h, 'satisfaction')).toEqual(['health.fact.nps_promoter']);
    expect(codes(h, 'engagement')).toEqual(['health.fact.contact_recent']);
    expect(component(h, 'claims')).toMatchObject({ hasData: false, score: null });
  });

  it('is at risk for a late payer with a detractor, and the reasons name both', async () => {
    const h = await healthOf(owner, late.id);
    expect(h.grade).toBe('at_risk');
    // Payment 25 (61 days late on average, one overdue invoice) and satisfaction 40, weighted 25:20.
    expect(h.score).toBe(32);
    expect(component(h, 'payment').facts.map((f) => f.text)).toEqual([
      'Invoices due in the last 180 days were paid 61\u00a0days late on average',
      'Overdue invoices: 1 — €2,500.00 unpaid',
    ]);
    expect(component(h, 'satisfaction').facts.map((f) => f.text)).toEqual(['NPS 4 on 5 Jun 2026 — a detractor']);
  });

  it('says "no data" for an account with nothing recorded, and does not guess a score', async () => {
    const h = await healthOf(owner, empty.id);
    expect(h).toMatchObject({ score: null, grade: null, trend: [] });
    expect(h.components.every((c) => !c.hasData && c.score === null)).toBe(true);
    expect(h.components.map((c) => c.facts[0].code)).toEqual([
      'health.fact.no_invoices',
      'health.fact.no_surveys',
      'health.fact.no_claims',
      'health.fact.no_work',
      'health.fact.no_engagement',
      'health.fact.no_commercial',
    ]);
  });

  it('is worded in the reader’s language', async () => {
    await t.database.db.updateTable('users').set({ language: 'ru' }).where('id', '=', owner.user.id).execute();
    const ru = await t.login(owner.user.email);
    const reader = new (owner.constructor as typeof Caller)(t.app, owner.user, String(ru.headers['set-cookie']).split(';')[0]);
    const h = await healthOf(reader, late.id);
    expect(component(h, 'satisfaction').facts[0].text).toBe('NPS 4 от 5 июн. 2026 г. — критик');
    await t.database.db.updateTable('users').set({ language: 'en' }).where('id', '=', owner.user.id).execute();
  });

  it('is a 404 for a manager of other accounts, a client or an unknown account; a bad `days` is a 400', async () => {
    expectProblem(await stranger.get(`/api/v1/accounts/${happy.id}/health`), 404);
    const contact = await t.createContact(t.admin, happy.id, 'Cleo');
    const client = await t.signIn('client', { contactId: contact.id });
    expectProblem(await client.get(`/api/v1/accounts/${happy.id}/health`), 404);
    expectProblem(await owner.get('/api/v1/accounts/00000000-0000-0000-0000-000000000000/health'), 404);
    expectProblem(await owner.get(`/api/v1/accounts/${happy.id}/health?days=0`), 400, 'days');
  });
});

describe('the health settings', () => {
  it('change the weights (admins only), and a component weighted 0 stops counting', async () => {
    expect((await owner.get('/api/v1/settings/health')).json()).toEqual(DEFAULT_HEALTH_SETTINGS);
    const paymentOnly = { ...DEFAULT_HEALTH_SETTINGS, weights: { ...DEFAULT_HEALTH_SETTINGS.weights, satisfaction: 0 } };
    expectProblem(await owner.put('/api/v1/settings/health', paymentOnly), 403);
    const res = await t.admin.put('/api/v1/settings/health', paymentOnly);
    expect(res.statusCode, res.body).toBe(200);
    const h = await healthOf(owner, late.id);
    expect(h.score).toBe(25);
    expect(component(h, 'satisfaction')).toMatchObject({ weight: 0, hasData: true, score: 40 });
    expect((await t.admin.put('/api/v1/settings/health', DEFAULT_HEALTH_SETTINGS)).statusCode).toBe(200);
  });

  it('refuse thresholds out of order and all-zero weights with field errors, changing nothing', async () => {
    const order = { ...DEFAULT_HEALTH_SETTINGS, thresholds: { healthy: 40, atRisk: 60 } };
    expectProblem(await t.admin.put('/api/v1/settings/health', order), 400, 'thresholds.healthy');
    const zero = {
      ...DEFAULT_HEALTH_SETTINGS,
      weights: { payment: 0, satisfaction: 0, claims: 0, delivery: 0, engagement: 0, commercial: 0 },
    };
    expectProblem(await t.admin.put('/api/v1/settings/health', zero), 400, 'weights');
    expect((await t.admin.get('/api/v1/settings/health')).json()).toEqual(DEFAULT_HEALTH_SETTINGS);
  });
});

describe('the nightly snapshot', () => {
  const tick = async () => (await t.app.services.jobs.runDue()).find((r) => r.name === HEALTH_SNAPSHOT_JOB)?.outcome;

  it('keeps one snapshot per active account and day, the trend and the list’s score', async () => {
    expect(await tick()).toMatchObject({ status: 'done', result: { day: '2026-06-15', accounts: 3, repeated: false } });
    expect(await tick()).toMatchObject({ status: 'already_done' });
    const h = await healthOf(owner, late.id);
    expect(h.trend).toEqual([{ day: '2026-06-15', score: 32, grade: 'at_risk' }]);
    const rows = await t.database.db.selectFrom('accounts').select(['name', 'health_score', 'health_grade']).orderBy('name').execute();
    expect(rows).toEqual([
      { name: 'Blank Co', health_score: -1, health_grade: null },
      { name: 'Punctual Ltd', health_score: (await healthOf(owner, happy.id)).score, health_grade: 'healthy' },
      { name: 'Slowpay Inc', health_score: 32, health_grade: 'at_risk' },
    ]);
    const list = await owner.get('/api/v1/accounts?sort=healthScore&limit=2');
    expect(list.json().items.map((a: Account) => [a.name, a.health])).toEqual([
      ['Blank Co', { score: null, grade: null }],
      ['Slowpay Inc', { score: 32, grade: 'at_risk' }],
    ]);
    const next = await owner.get(`/api/v1/accounts?sort=healthScore&limit=2&cursor=${list.json().nextCursor}`);
    expect(next.json().items.map((a: Account) => [a.name, a.health?.grade])).toEqual([['Punctual Ltd', 'healthy']]);
    const best = await owner.get('/api/v1/accounts?sort=-healthScore');
    expect(best.json().items.map((a: Account) => a.name)).toEqual(['Punctual Ltd', 'Slowpay Inc', 'Blank Co']);
  });

  it('puts a fall of the setting’s points on the owner’s Today, with the reasons in words', async () => {
    expect(await agendaOfKind(owner, 'health_drop')).toEqual([]);
    // The happy client stops paying and answers NPS 2.
    await issuedInvoice(t.admin, happy.id, { lines: line(300_000), issueDate: '2026-05-01' });
    const contact = await t.createContact(t.admin, happy.id, 'Ivo');
    await npsAnswer(t, happy.id, contact.id, 2, '2026-06-15T12:00:00.000Z');
    t.clock.set('2026-06-16T02:00:00.000Z');
    // The snapshot job alone (other modules' nightly jobs would mail their notices).
    expect(await t.app.services.jobs.run(HEALTH_SNAPSHOT_JOB, '2026-06-16')).toMatchObject({ status: 'done', result: { accounts: 3 } });
    const [before, after] = (await healthOf(owner, happy.id)).trend;
    expect(before.score! - after.score!).toBeGreaterThanOrEqual(15);
    const items = await agendaOfKind(owner, 'health_drop');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ account: { id: happy.id }, record: { type: 'account', path: `/accounts/${happy.id}?tab=health` } });
    expect(items[0].reason).toBe(
      `Health fell from ${before.score} to ${after.score}: NPS 2 on 15 Jun 2026 — a detractor; ` +
        'Invoices due in the last 180 days were paid 16\u00a0days late on average',
    );
    // Never on another manager's Today.
    expect(await agendaOfKind(stranger, 'health_drop')).toEqual([]);
  });
});
