import type { Generated } from 'kysely';

/** Tables of loyalty programmes (migration 0035_loyalty). */

export interface LoyaltyTiersTable {
  id: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  name: string;
  /** Higher is better; unique. */
  rank: number;
  rules: string; // JSON LoyaltyRules
  benefits: string; // JSON LoyaltyBenefits
}

/** One evaluation per agency day: a second call that day answers this run. */
export interface LoyaltyRunsTable {
  id: string;
  run_date: string;
  started_at: string;
  started_by: string | null;
  summary: string; // JSON LoyaltyRunSummary
}

/** Where each evaluated account stands now. */
export interface LoyaltyStandingsTable {
  account_id: string;
  tier_id: string | null;
  since: string | null;
  at_risk: number;
  checks: string; // JSON TierCheck[]
  evaluated_at: string;
  run_id: string;
}

/** A move between tiers and the checks that made it. */
export interface LoyaltyMovesTable {
  id: string;
  account_id: string;
  run_id: string;
  at: string;
  from_tier_id: string | null;
  to_tier_id: string | null;
  from_name: string | null;
  to_name: string | null;
  direction: 'upgrade' | 'downgrade';
  checks: string; // JSON TierCheck[]
}

/** An account brought by another; the referrer's reward once the referred account first pays. */
export interface LoyaltyReferralsTable {
  account_id: string;
  referrer_id: string;
  created_at: string;
  created_by: string | null;
  rewarded_at: string | null;
  reward: string | null; // JSON ReferralReward
}

export interface LoyaltyTables {
  loyalty_tiers: LoyaltyTiersTable;
  loyalty_runs: LoyaltyRunsTable;
  loyalty_standings: LoyaltyStandingsTable;
  loyalty_moves: LoyaltyMovesTable;
  loyalty_referrals: LoyaltyReferralsTable;
}
