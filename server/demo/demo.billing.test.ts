import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../test/harness.js';
import { seedBillingDemo } from './demo.billing.js';

let t: TestApp;
let result: Awaited<ReturnType<typeof seedBillingDemo>>;
let finance: Caller;
const accounts: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const managers = [await t.signIn('account_manager'), await t.signIn('account_manager')];
  finance = await t.signIn('finance');
  for (let i = 0; i < 8; i++) {
    const a = await t.createAccount(managers[i % 2], {
      name: `Client ${i}`,
      status: 'active',
      paymentTermsDays: 14,
      language: i % 2 ? 'ru' : 'en',
    });
    await managers[i % 2].post('/api/v1/contacts', {
      accountId: a.id,
      firstName: `Payer${i}`,
      email: `payer${i}@client.test`,
      decisionRole: 'billing',
    });
    accounts.push(a.id);
  }
  const actors = managers.map((m) => ({ id: m.user.id, role: 'account_manager' as const, accountId: null }));
  result = await seedBillingDemo(t.database.db, { accounts: accounts.map((id) => ({ id })), managers: actors, clock: t.clock });
}, 180_000);
afterAll(() => t.close());

describe('billing demo data', () => {
  it('writes a year of invoices with gap-free numbers per year', async () => {
    expect(result.invoices).toBeGreaterThanOrEqual(8 * 12);
    const numbers = await t.database.db.selectFrom('invoices').select('number').where('number', 'is not', null).execute();
    for (const year of ['2025', '2026']) {
      const counters = numbers
        .map((n) => n.number!)
        .filter((n) => n.startsWith(year))
        .map((n) => Number(n.slice(5)))
        .sort((a, b) => a - b);
      expect(counters).toEqual(counters.map((_, i) => i + 1));
    }
  });

  it('shows late payers in every aging bucket and stopped work for the chronic one', async () => {
    const report = (await finance.get('/api/v1/reports/receivables')).json();
    const eur = report.totals.find((r: { currency: string }) => r.currency === 'EUR');
    for (const bucket of ['current', 'd1_30', 'd31_60', 'd61_90']) expect(eur.bucketsMinor[bucket], bucket).toBeGreaterThan(0);
    const chronic = result.habits.find((h) => h.habit === 'chronic')!.accountId;
    const exposure = (await finance.get(`/api/v1/accounts/${chronic}/exposure`)).json();
    expect(exposure.stopWork).not.toBeNull();
    expect(exposure.warnings.map((w: { code: string }) => w.code)).toContain('overdue_30');
  });

  it('flags the chronic payer, listed as active, with its stopped work and overdue invoices where managers scan', async () => {
    const chronic = result.habits.find((h) => h.habit === 'chronic')!.accountId;
    const account = (await finance.get(`/api/v1/accounts/${chronic}`)).json();
    expect(account.status).toBe('active');
    expect(account.flags.workStopped).toEqual({ since: expect.any(String), reason: expect.any(String) });
    expect(account.flags.overdue.oldestDays).toBeGreaterThan(30);
    const listed = (await finance.get(`/api/v1/accounts?q=${encodeURIComponent(account.name)}`)).json().items;
    expect(listed.find((a: { id: string }) => a.id === chronic).flags).toEqual(account.flags);
  });

  it('has a history of follow-ups, calls, a credit note, a voided mistake and a bounced payment', async () => {
    expect(result.followUpEmails).toBeGreaterThan(20);
    const emails = (await finance.get('/api/v1/follow-ups?limit=200')).json().items;
    expect(emails.every((e: { status: string }) => e.status === 'sent')).toBe(true);
    const kinds = await t.database.db.selectFrom('invoices').select(['kind', 'status']).execute();
    expect(kinds.some((k) => k.kind === 'credit_note')).toBe(true);
    expect(kinds.some((k) => k.status === 'void')).toBe(true);
    expect(kinds.filter((k) => k.status === 'draft')).toHaveLength(3);
    const reversed = await t.database.db.selectFrom('payments').select('id').where('status', '=', 'reversed').execute();
    expect(reversed).toHaveLength(1);
    const calls = await t.database.db.selectFrom('billing_actions').select(['kind', 'done_at']).where('kind', '=', 'call').execute();
    expect(calls.some((c) => c.done_at)).toBe(true);
  });
});
