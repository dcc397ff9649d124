import { expect } from 'vitest';
import type { LoyaltyRun, LoyaltyStanding, LoyaltyTier, LoyaltyTierCreate } from '../../common/schemas/loyalty.js';
import { newId } from '../lib/ids.js';
import type { Caller, TestApp } from './harness.js';

/** Silver: 6 months, €1,000 paid in a year, 80 % on time. */
export const SILVER: LoyaltyTierCreate = {
  name: 'Silver',
  rank: 1,
  rules: {
    minTenureMonths: 6,
    minPaidRevenue: [{ currency: 'EUR', amountMinor: 100_000 }],
    minOnTimePercent: 80,
    openCriticalClaimsDisqualify: false,
  },
  benefits: { discountPercent: 2, freeHoursPerQuarter: 2 },
};

/** Gold: a year, €5,000 paid, NPS 8 or more, no open critical claim; 5 % off and claims answered twice as fast. */
export const GOLD: LoyaltyTierCreate = {
  name: 'Gold',
  rank: 2,
  rules: {
    minTenureMonths: 12,
    minPaidRevenue: [
      { currency: 'EUR', amountMinor: 500_000 },
      { currency: 'USD', amountMinor: 550_000 },
    ],
    minNps: 8,
    openCriticalClaimsDisqualify: true,
  },
  benefits: { discountPercent: 5, freeHoursPerQuarter: 8, claimDeadlinePercent: 50, namedBackupManager: true },
};

export async function createTier(by: Caller, body: LoyaltyTierCreate): Promise<LoyaltyTier> {
  const res = await by.post('/api/v1/loyalty/tiers', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export async function evaluate(by: Caller): Promise<LoyaltyRun> {
  const res = await by.post('/api/v1/loyalty/evaluate');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export async function standingOf(by: Caller, accountId: string): Promise<LoyaltyStanding> {
  const res = await by.get(`/api/v1/accounts/${accountId}/loyalty`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The account became a client on `day` (tenure counts from it). */
export async function clientSince(t: TestApp, accountId: string, day: string): Promise<void> {
  await t.database.db.updateTable('accounts').set({ client_since: day }).where('id', '=', accountId).execute();
}

/** An answered NPS survey of the contact, as the surveys module stores one. */
export async function npsAnswer(t: TestApp, accountId: string, contactId: string, score: number, at: string): Promise<void> {
  await t.database.db
    .insertInto('surveys')
    .values({
      id: newId(),
      created_at: at,
      updated_at: at,
      account_id: accountId,
      project_id: null,
      contact_id: contactId,
      kind: 'nps',
      trigger: 'manual',
      language: 'en',
      token_hash: null,
      sent_at: at,
      expires_at: at,
      score,
      comment: null,
      answered_at: at,
      sent_by_id: null,
      milestone_id: null,
      email_id: null,
    })
    .execute();
}
