import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft, getInvoice, issuedInvoice, pay } from '../../test/billing-fixtures.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';

let t: TestApp;
let manager: Caller;
let accountId: string;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn('account_manager');
  accountId = (await t.createAccount(manager, { name: 'Epsilon Travel', paymentTermsDays: 30 })).id;
});
afterAll(() => t.close());

const LINE = [{ description: 'Monthly retainer', quantity: 1, unitPriceMinor: 100_000 }];
const paymentsOf = async (invoiceId: string) =>
  t.database.db.selectFrom('payments').selectAll().where('invoice_id', '=', invoiceId).execute();

describe('gap-free numbering', () => {
  it('gives 20 concurrent issue requests 20 consecutive numbers, no duplicate and no gap', async () => {
    const before = await issuedInvoice(manager, accountId, { lines: LINE });
    const drafts = [];
    for (let i = 0; i < 20; i++) drafts.push(await createDraft(manager, accountId, LINE));
    const answers = await Promise.all(drafts.map((d) => manager.post(`/api/v1/invoices/${d.id}/issue`, {})));
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    const counters = answers.map((a) => Number(a.json().number.slice(5))).sort((a, b) => a - b);
    const first = Number(before.number!.slice(5)) + 1;
    expect(counters).toEqual(Array.from({ length: 20 }, (_, i) => first + i));
  });

  it('answers concurrent issues of one draft with one number, and 409 or 412 to the rest', async () => {
    const draft = await createDraft(manager, accountId, LINE);
    const answers = await Promise.all(Array.from({ length: 5 }, () => manager.post(`/api/v1/invoices/${draft.id}/issue`, {})));
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
    for (const a of answers.filter((r) => r.statusCode !== 200)) expect([409, 412]).toContain(a.statusCode);
    const next = await issuedInvoice(manager, accountId, { lines: LINE });
    const issued = answers.find((a) => a.statusCode === 200)!.json();
    expect(Number(next.number!.slice(5))).toBe(Number(issued.number.slice(5)) + 1);
  });
});

describe('payments', () => {
  it('records a partial then a full payment, moving the status each time', async () => {
    const invoice = await issuedInvoice(manager, accountId, { lines: LINE });
    const first = await pay(manager, invoice.id, 30_000, '2026-03-02');
    expect(first).toMatchObject({ amountMinor: 30_000, currency: 'EUR', status: 'recorded', invoiceNumber: invoice.number });
    expect(await getInvoice(manager, invoice.id)).toMatchObject({ status: 'partially_paid', paidMinor: 30_000, balanceMinor: 70_000 });
    await pay(manager, invoice.id, 70_000, '2026-03-02');
    expect(await getInvoice(manager, invoice.id)).toMatchObject({ status: 'paid', paidMinor: 100_000, balanceMinor: 0 });
    const timeline = (await manager.get(`/api/v1/accounts/${accountId}/timeline?limit=200`)).json().items;
    expect(timeline.filter((e: { kind?: string }) => e.kind === 'payment_recorded').length).toBeGreaterThanOrEqual(2);
  });

  it('refuses an overpayment with the amount still owed, and records nothing', async () => {
    const invoice = await issuedInvoice(manager, accountId, { lines: LINE });
    await pay(manager, invoice.id, 90_000, '2026-03-02');
    const res = await manager.post('/api/v1/payments', { invoiceId: invoice.id, amountMinor: 10_001, paidOn: '2026-03-02' });
    const problem = expectProblem(res, 400, 'amountMinor');
    expect(problem.detail).toContain('€100.00');
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    await pay(manager, invoice.id, 10_000, '2026-03-02');
    expectProblem(
      await manager.post('/api/v1/payments', { invoiceId: invoice.id, amountMinor: 1, paidOn: '2026-03-02' }),
      400,
      'amountMinor',
    );
  });

  it('refuses payments on drafts, void invoices, future dates, zero and fractional amounts, another currency', async () => {
    const draft = await createDraft(manager, accountId, LINE);
    expectProblem(await manager.post('/api/v1/payments', { invoiceId: draft.id, amountMinor: 100, paidOn: '2026-03-02' }), 409);
    const invoice = await issuedInvoice(manager, accountId, { lines: LINE });
    expectProblem(await manager.post('/api/v1/payments', { invoiceId: invoice.id, amountMinor: 100, paidOn: '2026-03-03' }), 400, 'paidOn');
    expectProblem(
      await manager.post('/api/v1/payments', { invoiceId: invoice.id, amountMinor: 0, paidOn: '2026-03-02' }),
      400,
      'amountMinor',
    );
    expectProblem(
      await manager.post('/api/v1/payments', { invoiceId: invoice.id, amountMinor: 10.5, paidOn: '2026-03-02' }),
      400,
      'amountMinor',
    );
    expectProblem(await manager.post('/api/v1/payments', { invoiceId: invoice.id, amountMinor: 100, paidOn: '2026-02-30' }), 400, 'paidOn');
    expectProblem(
      await manager.post('/api/v1/payments', { invoiceId: invoice.id, amountMinor: 100, paidOn: '2026-03-02', currency: 'USD' }),
      400,
      'currency',
    );
    expectProblem(
      await manager.post('/api/v1/payments', { invoiceId: 'missing', amountMinor: 100, paidOn: '2026-03-02' }),
      400,
      'invoiceId',
    );
    expect(await paymentsOf(invoice.id)).toHaveLength(0);
  });

  it('reverses a payment with a reason: kept on record, the invoice owed again, never twice', async () => {
    const invoice = await issuedInvoice(manager, accountId, { lines: LINE });
    const payment = await pay(manager, invoice.id, 100_000, '2026-03-02');
    expectProblem(await manager.post(`/api/v1/payments/${payment.id}/reverse`, {}), 400, 'reason');
    const res = await manager.post(`/api/v1/payments/${payment.id}/reverse`, { reason: 'Bank returned the transfer' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'reversed', reversalReason: 'Bank returned the transfer' });
    expect(await getInvoice(manager, invoice.id)).toMatchObject({ status: 'issued', paidMinor: 0, balanceMinor: 100_000 });
    expectProblem(await manager.post(`/api/v1/payments/${payment.id}/reverse`, { reason: 'again' }), 409);
    expect((await manager.delete(`/api/v1/payments/${payment.id}`)).statusCode).toBe(404);
  });
});

describe('Idempotency-Key', () => {
  it('a repeat with the same key answers the first payment and records nothing new', async () => {
    const invoice = await issuedInvoice(manager, accountId, { lines: LINE });
    const first = await manager.post(
      '/api/v1/payments',
      { invoiceId: invoice.id, amountMinor: 40_000, paidOn: '2026-03-02' },
      { 'idempotency-key': 'pay-1' },
    );
    const again = await manager.post(
      '/api/v1/payments',
      { invoiceId: invoice.id, amountMinor: 40_000, paidOn: '2026-03-02' },
      { 'idempotency-key': 'pay-1' },
    );
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    expect((await getInvoice(manager, invoice.id)).paidMinor).toBe(40_000);
    const reused = await manager.post(
      '/api/v1/payments',
      { invoiceId: invoice.id, amountMinor: 1_000, paidOn: '2026-03-02' },
      { 'idempotency-key': 'pay-1' },
    );
    expectProblem(reused, 422);
  });

  it('ten racing duplicates record one payment', async () => {
    const invoice = await issuedInvoice(manager, accountId, { lines: LINE });
    const body = { invoiceId: invoice.id, amountMinor: 25_000, paidOn: '2026-03-02' };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => manager.post('/api/v1/payments', body, { 'idempotency-key': 'race-key' })),
    );
    for (const a of answers) expect(a.statusCode, a.body).toBe(201);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    expect((await getInvoice(manager, invoice.id)).paidMinor).toBe(25_000);
  });

  it('two different racing payments can never overpay together', async () => {
    const invoice = await issuedInvoice(manager, accountId, { lines: LINE });
    const answers = await Promise.all(
      [1, 2].map((n) =>
        manager.post('/api/v1/payments', { invoiceId: invoice.id, amountMinor: 60_000, paidOn: '2026-03-02', reference: `r${n}` }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 400]);
    expect(await getInvoice(manager, invoice.id)).toMatchObject({ paidMinor: 60_000, balanceMinor: 40_000 });
  });

  it('keys belong to the caller: another user’s same key is a new payment', async () => {
    const invoice = await issuedInvoice(manager, accountId, { lines: LINE });
    const finance = await t.signIn('finance');
    await pay(manager, invoice.id, 1_000, '2026-03-02', 'shared-key');
    await pay(finance, invoice.id, 1_000, '2026-03-02', 'shared-key');
    expect(await paymentsOf(invoice.id)).toHaveLength(2);
  });
});
