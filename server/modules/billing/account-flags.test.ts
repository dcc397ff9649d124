import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, AccountFlags } from '../../../common/schemas/account.js';
import { createDraft, issuedInvoice, pay } from '../../test/billing-fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';

let t: TestApp;
let owner: Caller;
let backup: Caller;
let finance: Caller;

const NOW = '2026-03-02T09:00:00.000Z';
const one = (unitPriceMinor: number) => [{ description: 'Work', quantity: 1, unitPriceMinor }];
const invoice = (accountId: string, issueDate: string, amount: number) =>
  issuedInvoice(owner, accountId, { issueDate, lines: one(amount) });

async function flagsOf(by: Caller, accountId: string): Promise<AccountFlags> {
  const res = await by.get(`/api/v1/accounts/${accountId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().flags;
}

/** The account as it appears in the caller's list (found by its unique name). */
async function listed(by: Caller, account: Account): Promise<Account> {
  const res = await by.get(`/api/v1/accounts?q=${encodeURIComponent(account.name)}`);
  expect(res.statusCode, res.body).toBe(200);
  const items: Account[] = res.json().items;
  expect(items.map((a) => a.id)).toEqual([account.id]);
  return items[0];
}

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  owner = await t.signIn('account_manager');
  backup = await t.signIn('account_manager');
  finance = await t.signIn('finance');
});
afterAll(() => t.close());

describe('account flags', () => {
  let troubled: Account;

  beforeAll(async () => {
    // Payment terms of 0 days: each invoice falls due on its issue date.
    troubled = await t.createAccount(owner, {
      name: 'Troubled Ltd',
      paymentTermsDays: 0,
      creditLimitMinor: 150_000,
      backupOwnerId: backup.user.id,
    });
    await invoice(troubled.id, '2026-03-02', 10_000); // due today: owed, not overdue
    await invoice(troubled.id, '2026-02-20', 20_000); // 10 days overdue
    const oldest = await invoice(troubled.id, '2026-01-16', 30_000); // 45 days overdue, 10,000 paid
    await pay(owner, oldest.id, 10_000, '2026-02-01');
    const settled = await invoice(troubled.id, '2025-12-01', 5_000); // paid in full: not owed
    await pay(owner, settled.id, 5_000, '2025-12-10');
    const credited = await invoice(troubled.id, '2025-11-01', 7_000); // fully credited: not owed
    expect((await owner.post(`/api/v1/invoices/${credited.id}/credit-note`, { reason: 'Goodwill' })).statusCode).toBe(201);
    const voided = await invoice(troubled.id, '2025-10-01', 9_000);
    expect((await owner.post(`/api/v1/invoices/${voided.id}/void`, { reason: 'Wrong client' })).statusCode).toBe(200);
    await createDraft(owner, troubled.id, one(1_000_000)); // drafts are owed by nobody
    expect((await finance.post(`/api/v1/accounts/${troubled.id}/stop-work`, { reason: 'Two invoices unpaid' })).statusCode).toBe(200);
  });

  const expected: AccountFlags = {
    workStopped: { since: NOW, reason: 'Two invoices unpaid' },
    overdue: { amounts: [{ currency: 'EUR', amountMinor: 40_000 }], invoiceCount: 2, oldestDays: 45 },
    creditUsed: { currency: 'EUR', usedMinor: 50_000, limitMinor: 150_000 },
  };

  it('raises work stopped, overdue (amount, count, oldest days) and credit used from open invoices only', async () => {
    expect(await flagsOf(owner, troubled.id)).toEqual(expected);
  });

  it('sends the same flags in the list as on the account, to everyone who sees its billing', async () => {
    for (const who of [owner, backup, finance, t.admin]) {
      expect((await listed(who, troubled)).flags).toEqual(expected);
      expect(await flagsOf(who, troubled.id)).toEqual(expected);
    }
  });

  it('keeps the flags on the account a change answers with, out of its audit entry', async () => {
    const res = await owner.patch(`/api/v1/accounts/${troubled.id}`, { industry: 'Retail' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().flags).toEqual(expected);
    const audit = (await t.admin.get(`/api/v1/audit-log?recordId=${troubled.id}&limit=1`)).json().items[0];
    expect(Object.keys(audit.changes)).toEqual(['industry']);
  });

  it('never shows a client portal user the flags of their own company', async () => {
    const contact = await t.createContact(owner, troubled.id, 'Petra');
    const client = await t.signIn('client', { contactId: contact.id });
    const none: AccountFlags = { workStopped: null, overdue: null, creditUsed: null };
    expect(await flagsOf(client, troubled.id)).toEqual(none);
    expect((await listed(client, troubled)).flags).toEqual(none);
  });

  it('raises nothing on an account that owes nothing, and credit used 0 when it has a limit', async () => {
    const calm = await t.createAccount(owner, { name: 'Calm Ltd' });
    expect(await flagsOf(owner, calm.id)).toEqual({ workStopped: null, overdue: null, creditUsed: null });
    const limited = await t.createAccount(owner, { name: 'Limited Ltd', creditLimitMinor: 5_000 });
    expect((await listed(owner, limited)).flags).toEqual({
      workStopped: null,
      overdue: null,
      creditUsed: { currency: 'EUR', usedMinor: 0, limitMinor: 5_000 },
    });
  });

  it("counts overdue days in the agency's time zone", async () => {
    const late = await t.createAccount(owner, { name: 'Late Evening Ltd', paymentTermsDays: 0 });
    await invoice(late.id, '2026-03-02', 4_000); // due 2 March
    t.clock.set('2026-03-02T22:30:00.000Z'); // still 2 March in UTC, already 3 March in Moscow
    expect((await flagsOf(owner, late.id)).overdue).toBeNull();
    expect((await t.admin.patch('/api/v1/settings/billing', { timeZone: 'Europe/Moscow' })).statusCode).toBe(200);
    try {
      expect((await flagsOf(owner, late.id)).overdue).toEqual({
        amounts: [{ currency: 'EUR', amountMinor: 4_000 }],
        invoiceCount: 1,
        oldestDays: 1,
      });
    } finally {
      await t.admin.patch('/api/v1/settings/billing', { timeZone: 'UTC' });
      t.clock.set(NOW);
    }
  });

  it('keeps currencies apart: the account currency first, credit used in it alone', async () => {
    const moved = await t.createAccount(owner, { name: 'Moved Ltd', paymentTermsDays: 0, creditLimitMinor: 100_000 });
    await invoice(moved.id, '2026-02-01', 3_000); // in euros
    const res = await owner.patch(`/api/v1/accounts/${moved.id}`, { currency: 'USD' });
    expect(res.statusCode, res.body).toBe(200);
    await invoice(moved.id, '2026-02-25', 8_000); // in dollars
    expect(await flagsOf(owner, moved.id)).toEqual({
      workStopped: null,
      overdue: {
        amounts: [
          { currency: 'USD', amountMinor: 8_000 },
          { currency: 'EUR', amountMinor: 3_000 },
        ],
        invoiceCount: 2,
        oldestDays: 29,
      },
      creditUsed: { currency: 'USD', usedMinor: 8_000, limitMinor: 100_000 },
    });
  });

  it('flags a whole page of accounts, each with its own figures', async () => {
    const m = await t.signIn('account_manager');
    const made: Account[] = [];
    for (let i = 0; i < 12; i++) {
      const a = await t.createAccount(m, { name: `Page ${String(i).padStart(2, '0')}`, paymentTermsDays: 0 });
      if (i % 3 === 0) await issuedInvoice(m, a.id, { issueDate: '2026-02-20', lines: one(1_000 * (i + 1)) });
      made.push(a);
    }
    const page: Account[] = (await m.get('/api/v1/accounts?limit=200')).json().items;
    expect(page.map((a) => a.id)).toEqual(made.map((a) => a.id));
    expect(page.map((a) => a.flags.overdue?.amounts[0].amountMinor ?? null)).toEqual(
      made.map((_, i) => (i % 3 === 0 ? 1_000 * (i + 1) : null)),
    );
  });
});
