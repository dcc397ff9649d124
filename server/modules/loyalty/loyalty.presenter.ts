import {
  LoyaltyBenefitsSchema,
  LoyaltyRulesSchema,
  ReferralRewardSchema,
  TierCheckSchema,
  type LoyaltyMove,
  type LoyaltyTier,
  type ReferralReward,
  type TierCheck,
} from '../../../common/schemas/loyalty.js';
import type { LoyaltyMovesTable } from '../../db/tables/loyalty.js';
import type { Selectable } from 'kysely';
import type { Tier } from './loyalty.rules.js';
import type { TierRow } from './loyalty.repository.js';

/** A stored tier with its rules and benefits parsed (defaults fill what an older row lacks). */
export const tierOf = (r: TierRow): Tier => ({
  id: r.id,
  name: r.name,
  rank: r.rank,
  rules: LoyaltyRulesSchema.parse(JSON.parse(r.rules)),
  benefits: LoyaltyBenefitsSchema.parse(JSON.parse(r.benefits)),
});

export const presentTier = (r: TierRow): LoyaltyTier => ({
  ...tierOf(r),
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const checksOf = (json: string): TierCheck[] => TierCheckSchema.array().parse(JSON.parse(json));

export const rewardOf = (json: string | null): ReferralReward | null => (json ? ReferralRewardSchema.parse(JSON.parse(json)) : null);

export const presentMove = (r: Selectable<LoyaltyMovesTable>): LoyaltyMove => ({
  id: r.id,
  at: r.at,
  direction: r.direction,
  from: r.from_name ? { id: r.from_tier_id, name: r.from_name } : null,
  to: r.to_name ? { id: r.to_tier_id, name: r.to_name } : null,
  checks: checksOf(r.checks),
});
