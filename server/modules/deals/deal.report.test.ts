import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealCreate } from '../../../common/schemas/deal.js';
import type { PipelineReport } from '../../../common/schemas/deal-report.js';
import { createDeal } from '../../test/deal-fixtures.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { buildWorld, type World } from '../../test/world.js';

const NOW = '2026-11-26T09:00:00.000Z';
let t: TestApp;
let w: World;

/** Opens a deal at `openedAt` and, when given, closes it at `closedAt` (the clock set to each). */
async function dealAt(
  by: Caller,
  accountId: string,
  openedAt: string,
  input: Partial<DealCreate>,
  close?: { at: string; stage: 'won' } | { at: string; stage: 'lost'; lostReason: string },
) {
  t.clock.set(openedAt);
  const deal = await createDeal(by, accountId, input);
  if (close) {
    t.clock.set(close.at);
    const body = close.stage === 'won' ? { stage: 'won', note: 'Signed' } : { stage: 'lost', lostReason: close.lostReason };
    const res = await by.post(`/api/v1/deals/${deal.id}/stage`, body);
    if (res.statusCode !== 200) throw new Error(res.body);
  }
  t.clock.set(NOW);
  return deal;
}

/**
 * The constructed pipeline (today 2026-11-26, agency in UTC). Alpha Works (owner, backup):
 * open deals in EUR and USD over several months, one USD deal overdue; two won, three lost
 * (one of them the backup's), and one lost long before the period. Beta Studio (nonOwner):
 * one open and one won deal, which Alpha's managers never count.
 */
beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  w = await buildWorld(t);
  const a = w.accountA.id;
  const b = w.accountB.id;
  const owner = w.as.owner;
  // Open. 1_000_001 × 50% = 500 000.5 → 500 001; 333 333 × 75% = 249 999.75 → 250 000 (per deal, half away from zero).
  await dealAt(owner, a, NOW, { amount: 1_000_001, currency: 'EUR', stage: 'proposal', expectedCloseDate: '2026-12-10' });
  await dealAt(owner, a, NOW, { amount: 333_333, currency: 'EUR', stage: 'negotiation', expectedCloseDate: '2026-12-20' });
  await dealAt(owner, a, NOW, { amount: 200_000, currency: 'EUR', probability: 15, expectedCloseDate: '2027-02-01' });
  await dealAt(owner, a, NOW, { amount: 50_000, currency: 'EUR', expectedCloseDate: '2026-11-30' });
  await dealAt(owner, a, NOW, { amount: 99_999, currency: 'USD', stage: 'meeting', expectedCloseDate: '2026-12-31' });
  await dealAt(owner, a, NOW, { amount: 10_001, currency: 'USD', expectedCloseDate: '2026-10-15' });
  // Far beyond the default period: not in the forecast.
  await dealAt(owner, a, NOW, { amount: 5_000, currency: 'EUR', expectedCloseDate: '2027-09-01' });
  // Closed: cycles of 10 and 61 days (won), 5, 7 and 3 days (lost).
  await dealAt(
    owner,
    a,
    '2026-09-01T09:00:00.000Z',
    { amount: 400_000, currency: 'EUR' },
    { at: '2026-09-11T09:00:00.000Z', stage: 'won' },
  );
  await dealAt(
    owner,
    a,
    '2026-08-01T00:00:00.000Z',
    { amount: 100_000, currency: 'USD' },
    { at: '2026-10-01T00:00:00.000Z', stage: 'won' },
  );
  const lost = (at: string, lostReason: string) => ({ at, stage: 'lost' as const, lostReason });
  await dealAt(owner, a, '2026-10-01T09:00:00.000Z', { amount: 150_000, currency: 'EUR' }, lost('2026-10-06T09:00:00.000Z', 'price'));
  await dealAt(owner, a, '2026-10-02T09:00:00.000Z', { amount: 80_000, currency: 'USD' }, lost('2026-10-09T09:00:00.000Z', 'price'));
  await dealAt(
    owner,
    a,
    '2026-07-01T09:00:00.000Z',
    { amount: 60_000, currency: 'EUR', ownerId: w.as.backup.user.id },
    lost('2026-07-04T09:00:00.000Z', 'timing'),
  );
  await dealAt(owner, a, '2025-01-01T09:00:00.000Z', { amount: 10_000, currency: 'EUR' }, lost('2025-01-10T09:00:00.000Z', 'competitor'));
  // Beta Studio's.
  await dealAt(w.as.nonOwner, b, NOW, { amount: 700_000, currency: 'EUR', stage: 'proposal', expectedCloseDate: '2026-12-05' });
  await dealAt(
    w.as.nonOwner,
    b,
    '2026-10-20T09:00:00.000Z',
    { amount: 999, currency: 'EUR' },
    { at: '2026-10-30T09:00:00.000Z', stage: 'won' },
  );
});
afterAll(() => t.close());

const report = async (by: Caller, query = ''): Promise<PipelineReport> => {
  const res = await by.get(`/api/v1/reports/pipeline${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const empty = { deals: 0, amountMinor: 0, weightedMinor: 0, stages: [] };
const emptyMonth = (month: string) => ({ month, ...empty });

describe('the pipeline forecast', () => {
  it('sums open deals’ weighted and unweighted amounts by expected close month, per currency, overdue apart', async () => {
    const r = await report(w.as.owner);
    expect(r).toMatchObject({ from: '2026-05-01', to: '2027-04-30', thisMonth: '2026-11', ownerId: null });
    expect(r.forecast).toEqual([
      {
        currency: 'EUR',
        overdue: empty,
        months: [
          {
            month: '2026-11',
            deals: 1,
            amountMinor: 50_000,
            weightedMinor: 5_000,
            stages: [{ stage: 'qualified', deals: 1, amountMinor: 50_000, weightedMinor: 5_000 }],
          },
          {
            month: '2026-12',
            deals: 2,
            amountMinor: 1_333_334,
            weightedMinor: 750_001,
            stages: [
              { stage: 'proposal', deals: 1, amountMinor: 1_000_001, weightedMinor: 500_001 },
              { stage: 'negotiation', deals: 1, amountMinor: 333_333, weightedMinor: 250_000 },
            ],
          },
          emptyMonth('2027-01'),
          {
            month: '2027-02',
            deals: 1,
            amountMinor: 200_000,
            weightedMinor: 30_000,
            stages: [{ stage: 'qualified', deals: 1, amountMinor: 200_000, weightedMinor: 30_000 }],
          },
          emptyMonth('2027-03'),
          emptyMonth('2027-04'),
        ],
        total: { deals: 4, amountMinor: 1_583_334, weightedMinor: 785_001 },
      },
      {
        currency: 'USD',
        overdue: {
          deals: 1,
          amountMinor: 10_001,
          weightedMinor: 1_000,
          stages: [{ stage: 'qualified', deals: 1, amountMinor: 10_001, weightedMinor: 1_000 }],
        },
        months: [
          emptyMonth('2026-11'),
          {
            month: '2026-12',
            deals: 1,
            amountMinor: 99_999,
            weightedMinor: 25_000,
            stages: [{ stage: 'meeting', deals: 1, amountMinor: 99_999, weightedMinor: 25_000 }],
          },
          emptyMonth('2027-01'),
          emptyMonth('2027-02'),
          emptyMonth('2027-03'),
          emptyMonth('2027-04'),
        ],
        total: { deals: 2, amountMinor: 110_000, weightedMinor: 26_000 },
      },
    ]);
  });

  it('covers the months asked for, keeps overdue deals whatever the period, and adds the deals of every account an admin reads', async () => {
    const r = await report(t.admin, '?from=2027-01&to=2027-09-15');
    expect(r).toMatchObject({ from: '2027-01-01', to: '2027-09-15' });
    const eur = r.forecast.find((f) => f.currency === 'EUR')!;
    expect(eur.months.map((m) => [m.month, m.amountMinor])).toEqual([
      ['2027-01', 0],
      ['2027-02', 200_000],
      ['2027-03', 0],
      ['2027-04', 0],
      ['2027-05', 0],
      ['2027-06', 0],
      ['2027-07', 0],
      ['2027-08', 0],
      ['2027-09', 5_000],
    ]);
    expect(r.forecast.find((f) => f.currency === 'USD')!.overdue.amountMinor).toBe(10_001);

    const all = await report(t.admin);
    const december = all.forecast.find((f) => f.currency === 'EUR')!.months.find((m) => m.month === '2026-12')!;
    expect(december).toMatchObject({ deals: 3, amountMinor: 2_033_334, weightedMinor: 1_100_001 });
  });
});

describe('closed deals in the period', () => {
  it('give the win rate overall and per owner, the average cycle, and lost reasons ranked with amounts per currency', async () => {
    const r = await report(w.as.owner);
    expect(r.winRate).toEqual({
      won: 2,
      lost: 3,
      rate: 0.4,
      owners: [
        { ownerId: w.as.backup.user.id, ownerName: w.as.backup.user.name, won: 0, lost: 1, rate: 0 },
        { ownerId: w.as.owner.user.id, ownerName: w.as.owner.user.name, won: 2, lost: 2, rate: 0.5 },
      ].sort((x, y) => x.ownerName.localeCompare(y.ownerName)),
    });
    expect(r.cycle).toEqual({ won: { deals: 2, averageDays: 35.5 }, lost: { deals: 3, averageDays: 5 } });
    expect(r.lostReasons).toEqual([
      {
        reason: 'price',
        name: 'Price',
        deals: 2,
        amounts: [
          { currency: 'EUR', amountMinor: 150_000 },
          { currency: 'USD', amountMinor: 80_000 },
        ],
      },
      { reason: 'timing', name: 'Timing', deals: 1, amounts: [{ currency: 'EUR', amountMinor: 60_000 }] },
    ]);
  });

  it('count by the day a deal closed, narrow to one owner, and name the reasons in the reader’s language', async () => {
    const october = await report(w.as.owner, '?from=2026-10-01&to=2026-10');
    expect(october.winRate).toMatchObject({ won: 1, lost: 2 });
    expect(october.winRate.rate).toBeCloseTo(1 / 3, 10);
    expect(october.cycle).toEqual({ won: { deals: 1, averageDays: 61 }, lost: { deals: 2, averageDays: 6 } });
    // The period is past: no month to forecast, the overdue deal still shown.
    expect(october.forecast.map((f) => [f.currency, f.months.length, f.overdue.deals])).toEqual([['USD', 0, 1]]);

    const backups = await report(t.admin, `?owner=${w.as.backup.user.id}`);
    expect(backups).toMatchObject({ ownerId: w.as.backup.user.id, winRate: { won: 0, lost: 1, rate: 0 }, forecast: [] });
    expect((await report(w.as.nonOwner, '?owner=me')).winRate).toMatchObject({ won: 1, lost: 0, rate: 1 });

    expect((await w.as.backup.patch('/api/v1/auth/me', { language: 'ru' })).statusCode).toBe(200);
    expect((await report(w.as.backup)).lostReasons.map((l) => l.name)).toEqual(['Цена', 'Сроки']);
  });

  it('is empty, not absent, where nothing closed', async () => {
    const r = await report(w.as.owner, '?from=2024-01&to=2024-06');
    expect(r.winRate).toEqual({ won: 0, lost: 0, rate: null, owners: [] });
    expect(r.cycle).toEqual({ won: { deals: 0, averageDays: null }, lost: { deals: 0, averageDays: null } });
    expect(r.lostReasons).toEqual([]);
  });
});

describe('who reads the report', () => {
  it('a manager counts only the deals of their accounts; admins and finance all; specialists and clients none', async () => {
    const wins = async (by: Caller) => (await report(by)).winRate.won;
    expect(await wins(w.as.owner)).toBe(2);
    expect(await wins(w.as.nonOwner)).toBe(1);
    expect(await wins(t.admin)).toBe(3);
    expect(await wins(w.as.finance)).toBe(3);
    expectProblem(await w.as.specialist.get('/api/v1/reports/pipeline'), 403);
    expectProblem(await w.as.clientA.get('/api/v1/reports/pipeline'), 403);
  });
});

describe('a bad query', () => {
  it.each([
    ['a month that does not exist', '?from=2026-13', 'from'],
    ['a day that does not exist', '?to=2026-02-30', 'to'],
    ['a week', '?from=2026-W10', 'from'],
    ['a period ending before it starts', '?from=2026-10&to=2026-09-30', 'to'],
    ['a period longer than three years', '?from=2024-01&to=2027-01', 'to'],
    ['an empty owner', '?owner=', 'owner'],
  ])('answers %s with a 400', async (_what, query, field) => {
    expectProblem(await w.as.owner.get(`/api/v1/reports/pipeline${query}`), 400, field);
  });
});

describe('the period in the agency’s time zone', () => {
  it('counts a deal closed late on 30 September UTC in October when the agency is in Moscow', async () => {
    const b = w.accountB.id;
    await dealAt(
      w.as.nonOwner,
      b,
      '2026-09-20T09:00:00.000Z',
      { amount: 1_000, currency: 'EUR' },
      { at: '2026-09-30T22:00:00.000Z', stage: 'won' },
    );
    const octoberWins = async () => (await report(w.as.nonOwner, '?from=2026-10&to=2026-10')).winRate.won;
    expect(await octoberWins()).toBe(1); // Beta's win of 30 October only
    expect((await t.admin.patch('/api/v1/settings/billing', { timeZone: 'Europe/Moscow' })).statusCode).toBe(200);
    try {
      expect(await octoberWins()).toBe(2);
    } finally {
      await t.admin.patch('/api/v1/settings/billing', { timeZone: 'UTC' });
    }
  });
});
