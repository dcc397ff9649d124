import { z } from 'zod';
import { CurrencySchema, IdSchema, MinorAmountSchema, RecordMetaSchema, requiredText } from './common.js';

const percent = (max: number) =>
  z
    .number({ message: 'loyalty.percent' })
    .min(0, { message: 'loyalty.percent' })
    .max(max, { message: 'loyalty.percent_max' })
    .refine((v) => Math.round(v * 100) === v * 100, { message: 'validation.decimals', params: { max: 2 } });

/** A threshold of paid revenue in one currency; revenue in other currencies never counts toward it. */
export const RevenueThresholdSchema = z.object({
  currency: CurrencySchema,
  amountMinor: MinorAmountSchema.refine((v) => v > 0, { message: 'loyalty.threshold_positive' }),
});

/**
 * What an account must meet to hold the tier; a rule left null is not asked. Paid revenue is
 * per currency, never converted or summed: the rule passes when the account's revenue paid in
 * the trailing 12 months reaches the threshold in any one currency the tier names.
 */
export const LoyaltyRulesSchema = z.object({
  minTenureMonths: z.number().int({ message: 'loyalty.whole_months' }).min(0).max(600).nullable().default(null),
  minPaidRevenue: z
    .array(RevenueThresholdSchema)
    .max(20)
    .default([])
    .refine((r) => new Set(r.map((x) => x.currency)).size === r.length, { message: 'loyalty.currency_twice' }),
  /** Share of the invoices due in the trailing 12 months paid in full by their due date, 0–100. */
  minOnTimePercent: percent(100).nullable().default(null),
  /** The latest NPS answer of the account's people, 0–10. */
  minNps: z
    .number()
    .int({ message: 'loyalty.nps_range' })
    .min(0, { message: 'loyalty.nps_range' })
    .max(10, { message: 'loyalty.nps_range' })
    .nullable()
    .default(null),
  /** An open critical claim (received or in progress) keeps the account out of the tier. */
  openCriticalClaimsDisqualify: z.boolean().default(true),
  /** The account must have a named backup manager. */
  requiresBackupManager: z.boolean().default(false),
});
export type LoyaltyRules = z.infer<typeof LoyaltyRulesSchema>;

export const LoyaltyBenefitsSchema = z.object({
  /** A discount line on new proposals and invoices, 0–50 %. */
  discountPercent: percent(50).default(0),
  freeHoursPerQuarter: z.number().int({ message: 'loyalty.whole_hours' }).min(0).max(1000).default(0),
  /** Claims' respond and resolve deadlines as a percent of the normal hours (100 = unchanged). */
  claimDeadlinePercent: z
    .number()
    .int()
    .min(10, { message: 'loyalty.deadline_percent' })
    .max(100, { message: 'loyalty.deadline_percent' })
    .default(100),
  /** The account's backup manager is named to the client as a benefit. */
  namedBackupManager: z.boolean().default(false),
});
export type LoyaltyBenefits = z.infer<typeof LoyaltyBenefitsSchema>;

export const LoyaltyTierCreateSchema = z.object({
  name: requiredText(100, 'loyalty.name_required'),
  /** Higher is better; each tier has its own. */
  rank: z
    .number({ message: 'loyalty.rank' })
    .int({ message: 'loyalty.rank' })
    .min(1, { message: 'loyalty.rank' })
    .max(100, { message: 'loyalty.rank' }),
  rules: LoyaltyRulesSchema.default(LoyaltyRulesSchema.parse({})),
  benefits: LoyaltyBenefitsSchema.default(LoyaltyBenefitsSchema.parse({})),
});
export type LoyaltyTierCreate = z.input<typeof LoyaltyTierCreateSchema>;
export const LoyaltyTierUpdateSchema = LoyaltyTierCreateSchema.partial();
export type LoyaltyTierUpdate = z.input<typeof LoyaltyTierUpdateSchema>;

export const LoyaltyTierSchema = RecordMetaSchema.extend({
  name: z.string(),
  rank: z.number().int(),
  rules: LoyaltyRulesSchema,
  benefits: LoyaltyBenefitsSchema,
});
export type LoyaltyTier = z.infer<typeof LoyaltyTierSchema>;

export const TIER_CHECK_RULES = ['tenure', 'paid_revenue', 'on_time', 'nps', 'critical_claims', 'backup_manager'] as const;
export type TierCheckRule = (typeof TIER_CHECK_RULES)[number];

/** One rule of a tier as an evaluation found it: the account's value, the threshold, passed or not. */
export const TierCheckSchema = z.object({
  tierId: z.string(),
  tierName: z.string(),
  rule: z.enum(TIER_CHECK_RULES),
  passed: z.boolean(),
  /** The account's figure (months, minor units, percent, score, count); null when there is none (no NPS answer). */
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  currency: z.string().nullable(),
  /** Passed, but within 10 % of the threshold: the account is at risk of losing the tier. */
  near: z.boolean(),
});
export type TierCheck = z.infer<typeof TierCheckSchema>;

const TierRefSchema = z.object({ id: z.string(), name: z.string(), rank: z.number().int(), benefits: LoyaltyBenefitsSchema });

export const ReferralRewardSchema = z.object({
  kind: z.enum(['percent', 'fixed']),
  percent: z.number().nullable(),
  amountMinor: z.number().nullable(),
  currency: z.string().nullable(),
  /** The day the referred account first paid. */
  firstPaidOn: z.string(),
});
export type ReferralReward = z.infer<typeof ReferralRewardSchema>;

/** An account's loyalty standing as staff see it. */
export const LoyaltyStandingSchema = z.object({
  accountId: z.string(),
  clientSince: z.string().nullable(),
  tier: TierRefSchema.nullable(),
  since: z.string().nullable(),
  atRisk: z.boolean(),
  /** The rules of the held tier (or of the lowest tier, when none is held) at the last evaluation. */
  checks: z.array(TierCheckSchema),
  evaluatedAt: z.string().nullable(),
  backupManager: z.object({ id: z.string(), name: z.string() }).nullable(),
  referredBy: z
    .object({ accountId: z.string(), name: z.string(), rewardedAt: z.string().nullable(), reward: ReferralRewardSchema.nullable() })
    .nullable(),
  referrals: z.array(
    z.object({ accountId: z.string(), name: z.string(), rewardedAt: z.string().nullable(), reward: ReferralRewardSchema.nullable() }),
  ),
});
export type LoyaltyStanding = z.infer<typeof LoyaltyStandingSchema>;

export const LoyaltyMoveSchema = z.object({
  id: z.string(),
  at: z.string(),
  direction: z.enum(['upgrade', 'downgrade']),
  from: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
  to: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
  checks: z.array(TierCheckSchema),
});
export type LoyaltyMove = z.infer<typeof LoyaltyMoveSchema>;

export const LoyaltyRunSchema = z.object({
  id: z.string(),
  runDate: z.string(),
  startedAt: z.string(),
  evaluated: z.number().int(),
  upgrades: z.number().int(),
  downgrades: z.number().int(),
  atRisk: z.number().int(),
  rewards: z.number().int(),
  /** True when the day's run had already been made: this is it, nothing was evaluated again. */
  repeated: z.boolean(),
});
export type LoyaltyRun = z.infer<typeof LoyaltyRunSchema>;

export const ReferralSetSchema = z.object({ referrerId: IdSchema.nullable() });
export type ReferralSet = z.input<typeof ReferralSetSchema>;

/** The referrer's reward once the referred account first pays: a discount percent, or a fixed amount per currency. */
export const LoyaltySettingsSchema = z.object({
  referralReward: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('percent'), percent: percent(50) }),
    z.object({
      kind: z.literal('fixed'),
      amounts: z
        .array(RevenueThresholdSchema)
        .min(1, { message: 'loyalty.amount_required' })
        .max(20)
        .refine((r) => new Set(r.map((x) => x.currency)).size === r.length, { message: 'loyalty.currency_twice' }),
    }),
  ]),
});
export type LoyaltySettings = z.infer<typeof LoyaltySettingsSchema>;

export const AtRiskAccountSchema = z.object({
  accountId: z.string(),
  name: z.string(),
  tierName: z.string(),
  checks: z.array(TierCheckSchema),
});
export type AtRiskAccount = z.infer<typeof AtRiskAccountSchema>;

export { IdSchema as LoyaltyIdSchema };
