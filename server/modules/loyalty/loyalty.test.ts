import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeCheck } from '../../../common/loyalty-checks.js';
import type { Account } from '../../../common/schemas/account.js';
import type { LoyaltyMove } from '../../../common/schemas/loyalty.js';
import { issuedInvoice, pay } from '../../test/billing-fixtures.js';
import { createClaim } from '../../test/claim-fixtures.js';
import { createDeal } from '../../test/deal-fixtures.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { clientSince, createTier, evaluate, GOLD, npsAnswer, SILVER, standingOf } from '../../test/loyalty-fixtures.js';
import { createProposal } from '../../test/proposal-fixtures.js';

let t: TestApp;
let owner: Caller;
let backup: Caller;
/** Two years a client, €6,000 paid on time, NPS 9: Gold. */
let gold: Account;
/** Eight months a client, €1,050 paid on time: Silver, and close to losing it. */
let silver: Account;
/** A new client: no tier. */
let fresh: Account;
const DAY = 86_400_000;

/** An invoice of `amount` (no tax) issued on `issueDate` and paid in full on `paidOn`. */
async function paidInvoice(accountId: string, amount: number, issueDate: string, paidOn: string) {
  const invoice = await issuedInvoice(t.admin, accountId, {
    lines: [{ description: 'Work', quantity: 1, unitPriceMinor: amount }],
    issueDate,
  });
  await pay(t.admin, invoice.id, amount, paidOn);
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-06-15T09:00:00.000Z', publicUrl: 'https://liaison.example.test' });
  owner = await t.signIn('account_manager');
  backup = await t.signIn('account_manager');
  await t.database.db.updateTable('users').set({ language: 'ru' }).where('id', '=', owner.user.id).execute();
  const open = (name: string) =>
    t.createAccount(t.admin, { name, status: 'active', ownerId: owner.user.id, backupOwnerId: backup.user.id, paymentTermsDays: 14 });
  gold = await open('Goldsmith Ltd');
  silver = await open('Silverline');
  fresh = await open('Newcomer');
  await clientSince(t, gold.id, '2024-05-01');
  await clientSince(t, silver.id, '2025-10-01');
  await paidInvoice(gold.id, 600_000, '2026-04-01', '2026-04-10');
  await paidInvoice(silver.id, 105_000, '2026-04-01', '2026-04-10');
  const contact = await t.createContact(t.admin, gold.id, 'Gina');
  await npsAnswer(t, gold.id, contact.id, 9, '2026-05-01T10:00:00.000Z');
  await createTier(t.admin, SILVER);
  await createTier(t.admin, GOLD);
});
afterAll(() => t.close());

describe('tiers', () => {
  it('are refused with a clear 400 for a taken rank, a currency given twice, or a discount over 50 %', async () => {
    expectProblem(await t.admin.post('/api/v1/loyalty/tiers', { ...SILVER, name: 'Bronze' }), 400, 'rank');
    expectProblem(await t.admin.post('/api/v1/loyalty/tiers', { ...SILVER, rank: 7 }), 400, 'name');
    const twice = [
      { currency: 'EUR', amountMinor: 1 },
      { currency: 'EUR', amountMinor: 2 },
    ];
    expectProblem(
      await t.admin.post('/api/v1/loyalty/tiers', { name: 'X', rank: 9, rules: { minPaidRevenue: twice } }),
      400,
      'rules.minPaidRevenue',
    );
    expectProblem(
      await t.admin.post('/api/v1/loyalty/tiers', { name: 'X', rank: 9, benefits: { discountPercent: 60 } }),
      400,
      'benefits.discountPercent',
    );
    expectProblem(await t.admin.post('/api/v1/loyalty/tiers', { name: 'X', rank: 9, rules: { minNps: 11 } }), 400, 'rules.minNps');
  });

  it('are read by staff in rank order, written by admins only, and never shown to clients', async () => {
    const list = await owner.get('/api/v1/loyalty/tiers');
    expect(list.json().items.map((x: { name: string }) => x.name)).toEqual(['Silver', 'Gold']);
    expectProblem(await owner.post('/api/v1/loyalty/tiers', { name: 'Mine', rank: 50 }), 403);
    const contact = await t.createContact(t.admin, fresh.id, 'Carl');
    const client = await t.signIn('client', { contactId: contact.id });
    expectProblem(await client.get('/api/v1/loyalty/tiers'), 403);
    expectProblem(await client.get(`/api/v1/accounts/${fresh.id}/loyalty`), 404);
    expectProblem(await owner.post('/api/v1/loyalty/evaluate'), 403);
  });
});

describe('the evaluation', () => {
  it('places each account in the best tier it meets, says why, and flags one within 10 % of losing it', async () => {
    const run = await evaluate(t.admin);
    expect(run).toMatchObject({ runDate: '2026-06-15', upgrades: 2, downgrades: 0, atRisk: 1, repeated: false });
    const g = await standingOf(owner, gold.id);
    expect(g).toMatchObject({
      tier: { name: 'Gold', benefits: { discountPercent: 5 } },
      atRisk: false,
      backupManager: { id: backup.user.id },
    });
    expect(g.checks.map((c) => describeCheck(c, 'en'))).toEqual([
      'tenure 25 mo ≥ 12 mo ✓',
      'paid revenue 12 mo €6,000.00 ≥ €5,000.00 ✓',
      'latest NPS 9 ≥ 8 ✓',
      'open critical claims 0 ✓',
    ]);
    const s = await standingOf(owner, silver.id);
    expect(s).toMatchObject({ tier: { name: 'Silver' }, atRisk: true });
    expect(s.checks.find((c) => c.rule === 'paid_revenue')).toMatchObject({ value: 105_000, threshold: 100_000, near: true, passed: true });
    expect(s.checks.find((c) => c.rule === 'on_time')).toMatchObject({ value: 100, passed: true });
    const f = await standingOf(owner, fresh.id);
    expect(f.tier).toBeNull();
    expect(f.checks.filter((c) => !c.passed).map((c) => c.rule)).toEqual(['tenure', 'paid_revenue']);
    const risky = (await owner.get('/api/v1/loyalty/at-risk')).json().items;
    expect(risky.map((r: { accountId: string }) => r.accountId)).toEqual([silver.id]);
    expect(await t.app.services.loyalty.atRisk('2026-06-15')).toHaveLength(1);
  });

  it('answers the same run to a second call the same day, even to two at once', async () => {
    const [a, b] = await Promise.all([evaluate(t.admin), evaluate(t.admin)]);
    expect(a).toMatchObject({ runDate: '2026-06-15', repeated: true, upgrades: 2 });
    expect(b.id).toBe(a.id);
    const moves = await t.database.db.selectFrom('loyalty_moves').select('id').execute();
    expect(moves).toHaveLength(2);
  });

  it('moves an account down for an open critical claim, tells the owner in their language, and keeps the history', async () => {
    await createClaim(t.admin, gold.id, { severity: 'critical' });
    t.clock.advance(DAY);
    const run = await evaluate(t.admin);
    expect(run).toMatchObject({ runDate: '2026-06-16', upgrades: 0, downgrades: 1, repeated: false });
    expect((await standingOf(owner, gold.id)).tier?.name).toBe('Silver');
    const history = (await owner.get(`/api/v1/accounts/${gold.id}/loyalty/history`)).json().items as LoyaltyMove[];
    expect(history.map((m) => [m.direction, m.from?.name ?? null, m.to?.name ?? null])).toEqual([
      ['downgrade', 'Gold', 'Silver'],
      ['upgrade', null, 'Gold'],
    ]);
    expect(history[0].checks.filter((c) => !c.passed).map((c) => describeCheck(c, 'en'))).toEqual(['open critical claims 1 ✗']);
    const emails = await t.database.db
      .selectFrom('email_outbox')
      .select(['to_address', 'subject', 'text_body'])
      .where('purpose', 'like', 'loyalty_moves:%')
      .execute();
    const last = emails.find((e) => e.subject.includes('понижение'));
    expect(last?.to_address).toBe(owner.user.email);
    expect(last?.text_body).toContain('открытые критичные претензии 1 ✗');
    const events = await t.database.db
      .selectFrom('timeline_events')
      .select('data')
      .where('kind', '=', 'loyalty_tier_changed')
      .where('account_id', '=', gold.id)
      .execute();
    expect(events.map((e) => JSON.parse(e.data).direction).sort()).toEqual(['downgrade', 'upgrade']);
  });
});

describe('benefits', () => {
  it('add the tier’s discount line to a new invoice and a new proposal', async () => {
    const invoice = await issuedInvoice(t.admin, silver.id, {
      lines: [{ description: 'Design', quantity: 1, unitPriceMinor: 50_000, taxPercent: 20 }],
    });
    expect(invoice.lines.at(-1)).toMatchObject({ description: 'Loyalty discount — Silver tier 2 %', netMinor: -1_000, taxPercent: 20 });
    expect(invoice).toMatchObject({ subtotalMinor: 49_000, taxMinor: 9_800, totalMinor: 58_800 });
    const deal = await createDeal(owner, silver.id);
    const proposal = await createProposal(owner, deal.id, { lines: [{ description: 'Audit', quantity: 1, unitPriceMinor: 100_00 }] });
    expect(proposal.content.lines.at(-1)).toMatchObject({
      kind: 'loyalty',
      description: 'Loyalty discount — Silver tier 2 %',
      totalMinor: -2_00,
    });
  });

  it('never makes an invoice negative: the discount stops at what is left', async () => {
    const res = await t.admin.post('/api/v1/invoices', {
      accountId: silver.id,
      lines: [
        { description: 'Work', quantity: 1, unitPriceMinor: 100_00 },
        { description: 'Goodwill', quantity: 1, unitPriceMinor: -99_50 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().lines.at(-1)).toMatchObject({ description: 'Loyalty discount — Silver tier 2 %', netMinor: -50 });
    expect(res.json().totalMinor).toBe(0);
  });

  it('shorten the claims’ deadlines of a tier that has them', async () => {
    // Back to Gold: the critical claim is resolved.
    await t.database.db.updateTable('claims').set({ status: 'resolved' }).where('account_id', '=', gold.id).execute();
    t.clock.advance(DAY);
    expect((await evaluate(t.admin)).upgrades).toBe(1);
    const claim = await createClaim(t.admin, gold.id, { severity: 'high' });
    const hours = (iso: string) => (Date.parse(iso) - t.clock.now().getTime()) / 3600_000;
    // High: 8 and 48 hours normally; Gold answers in half.
    expect([hours(claim.respondBy), hours(claim.resolveBy)]).toEqual([4, 24]);
    const other = await createClaim(t.admin, fresh.id, { severity: 'high' });
    expect([hours(other.respondBy), hours(other.resolveBy)]).toEqual([8, 48]);
  });
});

describe('referrals', () => {
  it('record the referrer’s reward at the first evaluation after the referred account first pays', async () => {
    expectProblem(await owner.put(`/api/v1/accounts/${fresh.id}/referral`, { referrerId: fresh.id }), 400, 'referrerId');
    const marked = await owner.put(`/api/v1/accounts/${fresh.id}/referral`, { referrerId: gold.id });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().referredBy).toMatchObject({ accountId: gold.id, name: 'Goldsmith Ltd', reward: null });
    expectProblem(await owner.put(`/api/v1/accounts/${gold.id}/referral`, { referrerId: fresh.id }), 400, 'referrerId');
    t.clock.advance(DAY);
    expect((await evaluate(t.admin)).rewards).toBe(0);
    await paidInvoice(fresh.id, 10_000, '2026-06-17', '2026-06-18');
    t.clock.advance(DAY);
    expect((await evaluate(t.admin)).rewards).toBe(1);
    const referrer = await standingOf(owner, gold.id);
    expect(referrer.referrals).toEqual([
      expect.objectContaining({
        accountId: fresh.id,
        reward: { kind: 'percent', percent: 5, amountMinor: null, currency: null, firstPaidOn: '2026-06-18' },
      }),
    ]);
  });
});
