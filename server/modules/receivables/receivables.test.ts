import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../common/schemas/account.js';
import { issuedInvoice, pay } from '../../test/billing-fixtures.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';

let t: TestApp;
let manager: Caller;
let finance: Caller;
let evil: Account;
let dollars: Account;
const ids: Record<string, string> = {};

const one = (unitPriceMinor: number) => [{ description: 'Work', quantity: 1, unitPriceMinor }];

// Today is 2026-03-02 (the test clock) in UTC. With 0-day terms an invoice is due on its issue date.
beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn('account_manager', { name: 'Maria Manager' });
  finance = await t.signIn('finance');
  evil = await t.createAccount(manager, { name: '=HYPERLINK("http://x")', paymentTermsDays: 0, creditLimitMinor: 150_000 });
  dollars = await t.createAccount(manager, { name: 'Dollar Inc', currency: 'USD', paymentTermsDays: 30 });
  const plan: Array<[string, string, number]> = [
    ['current', '2026-03-02', 10_000],
    ['d10', '2026-02-20', 20_000],
    ['d30', '2026-01-31', 30_000],
    ['d31', '2026-01-30', 40_000],
    ['d90', '2025-12-02', 50_000],
    ['d91', '2025-12-01', 60_000],
  ];
  for (const [key, issueDate, amount] of plan) ids[key] = (await issuedInvoice(manager, evil.id, { issueDate, lines: one(amount) })).id;
  await pay(manager, ids.d91, 10_000, '2026-02-15');
  ids.usd = (await issuedInvoice(manager, dollars.id, { lines: one(7_000) })).id;
});
afterAll(() => t.close());

describe('receivables aging', () => {
  it('puts each open balance in its bucket by days past due, on the bucket boundaries too', async () => {
    const res = await finance.get('/api/v1/reports/receivables');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.asOf).toBe('2026-03-02');
    const row = report.items.find((r: { key: string }) => r.key === evil.id);
    expect(row).toMatchObject({ currency: 'EUR', totalMinor: 200_000, invoiceCount: 6 });
    expect(row.bucketsMinor).toEqual({ current: 10_000, d1_30: 50_000, d31_60: 40_000, d61_90: 50_000, d90_plus: 50_000 });
  });

  it('totals per currency, never adding euros to dollars', async () => {
    const { totals } = (await finance.get('/api/v1/reports/receivables')).json();
    expect(totals).toEqual([
      {
        currency: 'EUR',
        totalMinor: 200_000,
        invoiceCount: 6,
        bucketsMinor: { current: 10_000, d1_30: 50_000, d31_60: 40_000, d61_90: 50_000, d90_plus: 50_000 },
      },
      {
        currency: 'USD',
        totalMinor: 7_000,
        invoiceCount: 1,
        bucketsMinor: { current: 7_000, d1_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0 },
      },
    ]);
  });

  it('groups by manager', async () => {
    const { items } = (await finance.get('/api/v1/reports/receivables?groupBy=manager')).json();
    expect(items.map((r: { name: string; currency: string; totalMinor: number }) => [r.name, r.currency, r.totalMinor])).toEqual([
      ['Maria Manager', 'EUR', 200_000],
      ['Maria Manager', 'USD', 7_000],
    ]);
  });

  it('pages accounts with a cursor', async () => {
    const first = (await finance.get('/api/v1/reports/receivables?limit=1')).json();
    expect(first.items).toHaveLength(1);
    const second = (await finance.get(`/api/v1/reports/receivables?limit=1&cursor=${first.nextCursor}`)).json();
    expect([first.items[0].name, second.items[0].name].sort()).toEqual(['=HYPERLINK("http://x")', 'Dollar Inc'].sort());
    expect(second.nextCursor).toBeNull();
  });

  it('drills down from a bucket to its invoices', async () => {
    const bucket = async (b: string) =>
      (await finance.get(`/api/v1/invoices?bucket=${b}&accountId=${evil.id}&limit=200`))
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort();
    expect(await bucket('current')).toEqual([ids.current]);
    expect(await bucket('d1_30')).toEqual([ids.d10, ids.d30].sort());
    expect(await bucket('d31_60')).toEqual([ids.d31]);
    expect(await bucket('d61_90')).toEqual([ids.d90]);
    expect(await bucket('d90_plus')).toEqual([ids.d91]);
  });

  it('exports CSV with formula-like names neutralised', async () => {
    const res = await finance.get('/api/v1/reports/receivables.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('receivables-account.csv');
    const lines = res.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('Account,Currency,Current,1-30 days,31-60 days,61-90 days,90+ days,Total,Invoices,As of 2026-03-02');
    expect(lines).toContain(`"'=HYPERLINK(""http://x"")",EUR,100.00,500.00,400.00,500.00,500.00,2000.00,6`);
    expect(lines).toContain('Dollar Inc,USD,70.00,0.00,0.00,0.00,0.00,70.00,1');
  });
});

describe('statement', () => {
  it('carries the opening balance and runs the balance through invoices and payments', async () => {
    const res = await finance.get(`/api/v1/accounts/${evil.id}/statement?from=2026-01-01&to=2026-03-02`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({
      currency: 'EUR',
      openingBalanceMinor: 110_000,
      invoicedMinor: 100_000,
      receivedMinor: 10_000,
      closingBalanceMinor: 200_000,
    });
    expect(s.entries.map((e: { date: string; type: string; balanceMinor: number }) => [e.date, e.type, e.balanceMinor])).toEqual([
      ['2026-01-30', 'invoice', 150_000],
      ['2026-01-31', 'invoice', 180_000],
      ['2026-02-15', 'payment', 170_000],
      ['2026-02-20', 'invoice', 190_000],
      ['2026-03-02', 'invoice', 200_000],
    ]);
  });

  it('shows a reversal and a credit note on the day they happen', async () => {
    t.clock.advance(60_000);
    const payment = await pay(manager, ids.current, 4_000, '2026-03-02');
    t.clock.advance(60_000);
    await manager.post(`/api/v1/payments/${payment.id}/reverse`, { reason: 'Bounced' });
    t.clock.advance(60_000);
    await manager.post(`/api/v1/invoices/${ids.current}/credit-note`, { reason: 'Goodwill', lines: one(1_000) });
    const s = (await finance.get(`/api/v1/accounts/${evil.id}/statement?from=2026-03-02&to=2026-03-02`)).json();
    expect(s.entries.map((e: { type: string; debitMinor: number; creditMinor: number }) => [e.type, e.debitMinor, e.creditMinor])).toEqual([
      ['invoice', 10_000, 0],
      ['payment', 0, 4_000],
      ['payment_reversal', 4_000, 0],
      ['credit_note', 0, 1_000],
    ]);
    expect(s.closingBalanceMinor).toBe(199_000);
  });

  it('exports the statement as CSV and refuses a backwards period', async () => {
    const res = await finance.get(`/api/v1/accounts/${evil.id}/statement.csv?from=2026-01-01&to=2026-03-02`);
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('Date,Entry,Reference,Debit (EUR),Credit (EUR),Balance (EUR)');
    expect(lines[1]).toBe('2026-01-01,Opening balance,,,,1100.00');
    expect(lines.at(-1)).toBe('2026-03-02,Closing balance,,,,1990.00');
    expectProblem(await finance.get(`/api/v1/accounts/${evil.id}/statement?from=2026-03-02&to=2026-01-01`), 400, 'from');
  });
});

describe('exposure and credit warnings', () => {
  it('warns over the credit limit and about invoices 30+ days overdue, before adding more', async () => {
    const res = await manager.get(`/api/v1/accounts/${evil.id}/exposure?addingMinor=5000`);
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json();
    expect(e).toMatchObject({
      currency: 'EUR',
      exposureMinor: 199_000,
      addingMinor: 5_000,
      projectedMinor: 204_000,
      creditLimitMinor: 150_000,
      oldestOverdueDays: 91,
      stopWork: null,
    });
    expect(e.warnings.map((w: { code: string }) => w.code)).toEqual(['over_credit_limit', 'overdue_30']);
    expect(e.warnings[0].message).toContain('€2,040.00');
  });

  it('has no warnings for an account within its limit and on time', async () => {
    const fine = await t.createAccount(manager, { name: 'Fine Ltd', creditLimitMinor: 100_000 });
    await issuedInvoice(manager, fine.id, { lines: one(50_000) });
    const e = (await manager.get(`/api/v1/accounts/${fine.id}/exposure?addingMinor=50000`)).json();
    expect(e).toMatchObject({ exposureMinor: 50_000, projectedMinor: 100_000, warnings: [] });
    const over = (await manager.get(`/api/v1/accounts/${fine.id}/exposure?addingMinor=50001`)).json();
    expect(over.warnings.map((w: { code: string }) => w.code)).toEqual(['over_credit_limit']);
    expectProblem(await manager.get(`/api/v1/accounts/${fine.id}/exposure?addingMinor=-1`), 400, 'addingMinor');
  });

  it('refuses new work on a stopped account with the reason, until finance lifts the flag', async () => {
    const billing = t.app.services.billing;
    await expect(t.database.db.transaction().execute((trx) => billing.assertWorkAllowed(trx, evil.id))).resolves.toBeUndefined();
    await finance.post(`/api/v1/accounts/${evil.id}/stop-work`, { reason: 'Invoices 30 days overdue' });
    const refused = t.database.db.transaction().execute((trx) => billing.assertWorkAllowed(trx, evil.id));
    await expect(refused).rejects.toMatchObject({
      status: 409,
      code: 'work.stopped',
      message: expect.stringContaining('Invoices 30 days overdue'),
    });
    expect((await billing.exposureWarnings(evil.id, 0)).map((w) => w.code)).toContain('stop_work');
    await finance.post(`/api/v1/accounts/${evil.id}/stop-work/lift`, { reason: 'Payment plan agreed' });
    await expect(t.database.db.transaction().execute((trx) => billing.assertWorkAllowed(trx, evil.id))).resolves.toBeUndefined();
  });

  it('keeps money records: an account with invoices is not deleted', async () => {
    expectProblem(await t.admin.delete(`/api/v1/accounts/${dollars.id}`), 409);
  });
});
