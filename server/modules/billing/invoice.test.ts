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
  accountId = (await t.createAccount(manager, { name: 'Gamma Foods', paymentTermsDays: 14, currency: 'EUR' })).id;
});
afterAll(() => t.close());

const count = async (table: 'invoices' | 'invoice_lines' | 'audit_log' | 'number_sequences') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('drafts', () => {
  it('computes line and invoice totals on the server, in the account currency', async () => {
    const draft = await createDraft(manager, accountId, [
      { description: 'Audit', quantity: 1, unitPriceMinor: 100_000, taxPercent: 20 },
      { description: 'Hours', quantity: 2.5, unitPriceMinor: 4_001 },
      { description: 'Third of an hour', quantity: 0.333, unitPriceMinor: 100, taxPercent: 7.25 },
    ]);
    expect(draft).toMatchObject({ status: 'draft', number: null, currency: 'EUR', issueDate: null, dueDate: null, balanceMinor: 0 });
    // 2.5 × 40.01 = 100.025 → 100.03 (half away from zero); 0.333 × 1.00 = 0.33 + 7.25% = 0.02
    expect(draft.lines.map((l) => [l.netMinor, l.taxMinor, l.totalMinor])).toEqual([
      [100_000, 20_000, 120_000],
      [10_003, 0, 10_003],
      [33, 2, 35],
    ]);
    expect(draft).toMatchObject({ subtotalMinor: 110_036, taxMinor: 20_002, totalMinor: 130_038 });
    expect(draft.lines[1].quantity).toBe(2.5);
    expect(draft.lines[2].taxPercent).toBe(7.25);
  });

  it('refuses bad lines with field errors and writes nothing', async () => {
    const before = [await count('invoices'), await count('invoice_lines'), await count('audit_log')];
    const cases: Array<[unknown, string]> = [
      [{ accountId, lines: [] }, 'lines'],
      [{ accountId, lines: [{ description: 'x', quantity: 1, unitPriceMinor: 10.5 }] }, 'lines.0.unitPriceMinor'],
      [{ accountId, lines: [{ description: 'x', quantity: 1.2345, unitPriceMinor: 10 }] }, 'lines.0.quantity'],
      [{ accountId, lines: [{ description: 'x', quantity: 0, unitPriceMinor: 10 }] }, 'lines.0.quantity'],
      [{ accountId, lines: [{ description: 'x', quantity: 1, unitPriceMinor: 10, taxPercent: 120 }] }, 'lines.0.taxPercent'],
      [{ accountId, lines: [{ description: '', quantity: 1, unitPriceMinor: 10 }] }, 'lines.0.description'],
      [{ accountId, lines: [{ description: 'Discount', quantity: 1, unitPriceMinor: -500 }] }, 'lines'],
      [{ accountId: 'nope', lines: [{ description: 'x', quantity: 1, unitPriceMinor: 10 }] }, 'accountId'],
    ];
    for (const [body, field] of cases) expectProblem(await manager.post('/api/v1/invoices', body), 400, field);
    expect([await count('invoices'), await count('invoice_lines'), await count('audit_log')]).toEqual(before);
  });

  it('accepts a discount line when the total stays positive', async () => {
    const draft = await createDraft(manager, accountId, [
      { description: 'Design', quantity: 1, unitPriceMinor: 50_000 },
      { description: 'Loyalty discount', quantity: 1, unitPriceMinor: -5_000 },
    ]);
    expect(draft.totalMinor).toBe(45_000);
  });

  it('changes a draft with If-Match and answers 412 to a stale version', async () => {
    const draft = await createDraft(manager, accountId);
    const ok = await manager.patch(
      `/api/v1/invoices/${draft.id}`,
      { lines: [{ description: 'Only line', quantity: 3, unitPriceMinor: 1_000 }] },
      { 'if-match': `"${draft.version}"` },
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ totalMinor: 3_000, version: draft.version + 1 });
    expect(ok.json().lines).toHaveLength(1);
    expectProblem(await manager.patch(`/api/v1/invoices/${draft.id}`, { notes: 'late' }, { 'if-match': `"${draft.version}"` }), 412);
  });
});

describe('issuing', () => {
  it('numbers the invoice, sets the dates from the payment terms and fixes its lines', async () => {
    const invoice = await issuedInvoice(manager, accountId);
    expect(invoice.number).toMatch(/^2026-\d{6}$/);
    expect(invoice).toMatchObject({ status: 'issued', issueDate: '2026-03-02', dueDate: '2026-03-16', balanceMinor: invoice.totalMinor });
    const edit = await manager.patch(`/api/v1/invoices/${invoice.id}`, {
      lines: [{ description: 'Changed', quantity: 1, unitPriceMinor: 1 }],
    });
    expectProblem(edit, 409);
    expect((await getInvoice(manager, invoice.id)).totalMinor).toBe(invoice.totalMinor);
    expectProblem(await manager.post(`/api/v1/invoices/${invoice.id}/issue`, {}), 409);
  });

  it('takes a historical issue date (numbered in that year) but never a future one', async () => {
    const future = await createDraft(manager, accountId);
    const numbersBefore = await count('number_sequences');
    expectProblem(await manager.post(`/api/v1/invoices/${future.id}/issue`, { issueDate: '2026-03-03' }), 400, 'issueDate');
    expect((await getInvoice(manager, future.id)).status).toBe('draft');
    expect(await count('number_sequences')).toBe(numbersBefore);

    const old = await issuedInvoice(manager, accountId, { issueDate: '2025-11-20' });
    expect(old.number).toMatch(/^2025-\d{6}$/);
    expect(old).toMatchObject({ dueDate: '2025-12-04', status: 'overdue', daysOverdue: 88 });
  });

  it('reads as overdue the day after the due date, in the agency time zone', async () => {
    const invoice = await issuedInvoice(manager, accountId, { issueDate: '2026-02-16' }); // due 2026-03-02
    expect((await getInvoice(manager, invoice.id)).status).toBe('issued');
    await t.admin.patch('/api/v1/settings/billing', { timeZone: 'Asia/Tokyo' }); // already 18:00 on 03-02 there
    t.clock.set('2026-03-02T16:00:00.000Z'); // 01:00 on 03-03 in Tokyo
    expect(await getInvoice(manager, invoice.id)).toMatchObject({ status: 'overdue', daysOverdue: 1 });
    const overdue = (await manager.get(`/api/v1/invoices?status=overdue&accountId=${accountId}&limit=200`))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(overdue).toContain(invoice.id);
    await t.admin.patch('/api/v1/settings/billing', { timeZone: 'UTC' });
    t.clock.set('2026-03-02T09:00:00.000Z');
    expect((await getInvoice(manager, invoice.id)).status).toBe('issued');
  });

  it('refuses to issue an invoice whose total is 0', async () => {
    const draft = await createDraft(manager, accountId, [{ description: 'Free consultation', quantity: 1, unitPriceMinor: 0 }]);
    expectProblem(await manager.post(`/api/v1/invoices/${draft.id}/issue`, {}), 409);
  });
});

describe('voiding and credit notes', () => {
  it('voids an unpaid invoice with a reason; its number stays taken', async () => {
    const invoice = await issuedInvoice(manager, accountId);
    expectProblem(await manager.post(`/api/v1/invoices/${invoice.id}/void`, {}), 400, 'reason');
    const res = await manager.post(`/api/v1/invoices/${invoice.id}/void`, { reason: 'Issued to the wrong company' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'void',
      number: invoice.number,
      voidReason: 'Issued to the wrong company',
      balanceMinor: 0,
    });
    expectProblem(await manager.post(`/api/v1/invoices/${invoice.id}/void`, { reason: 'again' }), 409);
  });

  it('refuses to void a paid invoice until its payments are reversed', async () => {
    const invoice = await issuedInvoice(manager, accountId);
    const payment = await pay(manager, invoice.id, 1_000, '2026-03-02');
    expectProblem(await manager.post(`/api/v1/invoices/${invoice.id}/void`, { reason: 'x' }), 409);
    expect((await manager.post(`/api/v1/payments/${payment.id}/reverse`, { reason: 'Bounced' })).statusCode).toBe(200);
    expect((await manager.post(`/api/v1/invoices/${invoice.id}/void`, { reason: 'x' })).statusCode).toBe(200);
  });

  it('a full credit note negates every line exactly and settles the invoice', async () => {
    const invoice = await issuedInvoice(manager, accountId, {
      lines: [{ description: 'Hours', quantity: 2.5, unitPriceMinor: 4_001, taxPercent: 20 }],
    });
    const res = await manager.post(`/api/v1/invoices/${invoice.id}/credit-note`, { reason: 'Work not done' });
    expect(res.statusCode, res.body).toBe(201);
    const credit = res.json();
    expect(credit).toMatchObject({
      kind: 'credit_note',
      creditedInvoiceId: invoice.id,
      status: 'issued',
      totalMinor: -invoice.totalMinor,
      balanceMinor: 0,
    });
    expect(credit.number).toMatch(/^2026-\d{6}$/);
    expect(credit.lines[0]).toMatchObject({
      unitPriceMinor: -4_001,
      netMinor: -invoice.lines[0].netMinor,
      taxMinor: -invoice.lines[0].taxMinor,
    });
    expect(await getInvoice(manager, invoice.id)).toMatchObject({ status: 'paid', creditedMinor: invoice.totalMinor, balanceMinor: 0 });
    expectProblem(await manager.post(`/api/v1/invoices/${invoice.id}/credit-note`, { reason: 'again' }), 409);
  });

  it('a partial credit note lowers the balance, never below zero; voiding it restores the balance', async () => {
    const invoice = await issuedInvoice(manager, accountId, { lines: [{ description: 'Retainer', quantity: 1, unitPriceMinor: 100_000 }] });
    await pay(manager, invoice.id, 60_000, '2026-03-02');
    const over = await manager.post(`/api/v1/invoices/${invoice.id}/credit-note`, {
      reason: 'Discount',
      lines: [{ description: 'Discount', quantity: 1, unitPriceMinor: 40_001 }],
    });
    expectProblem(over, 400, 'lines');
    const res = await manager.post(`/api/v1/invoices/${invoice.id}/credit-note`, {
      reason: 'Discount',
      lines: [{ description: 'Discount', quantity: 1, unitPriceMinor: 10_000 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await getInvoice(manager, invoice.id)).toMatchObject({
      status: 'partially_paid',
      paidMinor: 60_000,
      creditedMinor: 10_000,
      balanceMinor: 30_000,
    });
    expectProblem(await manager.post(`/api/v1/invoices/${invoice.id}/void`, { reason: 'x' }), 409);
    expect((await manager.post(`/api/v1/invoices/${res.json().id}/void`, { reason: 'Discount withdrawn' })).statusCode).toBe(200);
    expect(await getInvoice(manager, invoice.id)).toMatchObject({ creditedMinor: 0, balanceMinor: 40_000 });
  });

  it('does not credit a draft', async () => {
    const draft = await createDraft(manager, accountId);
    expectProblem(await manager.post(`/api/v1/invoices/${draft.id}/credit-note`, { reason: 'x' }), 409);
  });
});

describe('lists', () => {
  it('filters by status and account, and pages with a cursor', async () => {
    const other = (await t.createAccount(manager, { name: 'Delta Labs' })).id;
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push((await issuedInvoice(manager, other)).id);
      t.clock.advance(1000);
    }
    const first = (await manager.get(`/api/v1/invoices?accountId=${other}&limit=2`)).json();
    expect(first.items).toHaveLength(2);
    const second = (await manager.get(`/api/v1/invoices?accountId=${other}&limit=2&cursor=${first.nextCursor}`)).json();
    const third = (await manager.get(`/api/v1/invoices?accountId=${other}&limit=2&cursor=${second.nextCursor}`)).json();
    expect([...first.items, ...second.items, ...third.items].map((i: { id: string }) => i.id)).toEqual(made.reverse());
    expect(third.nextCursor).toBeNull();
    const byDue = (await manager.get(`/api/v1/invoices?accountId=${other}&sort=dueDate&status=issued`)).json();
    expect(byDue.items).toHaveLength(5);
    expectProblem(await manager.get(`/api/v1/invoices?sort=dueDate&cursor=${first.nextCursor}`), 400, 'cursor');
    expectProblem(await manager.get('/api/v1/invoices?status=late'), 400);
  });
});
