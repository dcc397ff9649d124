import { z } from 'zod';

/** The parts an account's health is made of, each scored 0–100 from its own facts. */
export const HEALTH_COMPONENTS = ['payment', 'satisfaction', 'claims', 'delivery', 'engagement', 'commercial'] as const;
export type HealthComponent = (typeof HEALTH_COMPONENTS)[number];

export const HEALTH_GRADES = ['healthy', 'watch', 'at_risk'] as const;
export type HealthGrade = (typeof HEALTH_GRADES)[number];

const weight = z.number().int({ message: 'health.weight' }).min(0, { message: 'health.weight' }).max(100, { message: 'health.weight' });
const points = z.number().int({ message: 'health.points' }).min(1, { message: 'health.points' }).max(100, { message: 'health.points' });

/**
 * How the score is made: each component's weight (the score is the weighted mean of the
 * components that have data, so weights need not add up to 100), the grade thresholds, and the
 * drop in points that puts an account on its owner's Today.
 */
export const HealthSettingsSchema = z
  .object({
    weights: z.object({
      payment: weight,
      satisfaction: weight,
      claims: weight,
      delivery: weight,
      engagement: weight,
      commercial: weight,
    }),
    /** A score at or above `healthy` is healthy; below `atRisk` at risk; between, watch. */
    thresholds: z.object({ healthy: points, atRisk: points }),
    /** A fall of at least this many points within a week puts the account on its owner's Today. */
    dropPoints: points,
  })
  .superRefine((s, ctx) => {
    if (Object.values(s.weights).every((w) => w === 0)) ctx.addIssue({ code: 'custom', path: ['weights'], message: 'health.weights_zero' });
    if (s.thresholds.healthy <= s.thresholds.atRisk)
      ctx.addIssue({ code: 'custom', path: ['thresholds', 'healthy'], message: 'health.thresholds_order' });
  });
export type HealthSettings = z.infer<typeof HealthSettingsSchema>;

const ParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** One fact behind a component's score, worded in the reader's language (code and params for the web app). */
export const HealthFactSchema = z.object({ code: z.string(), params: ParamsSchema, text: z.string() });
export type HealthFact = z.infer<typeof HealthFactSchema>;

export const HealthComponentScoreSchema = z.object({
  component: z.enum(HEALTH_COMPONENTS),
  weight: z.number().int().describe('The setting’s weight; a component without data does not count whatever its weight'),
  hasData: z.boolean(),
  score: z.number().int().min(0).max(100).nullable().describe('Null when the component has no data'),
  facts: z.array(HealthFactSchema),
});
export type HealthComponentScore = z.infer<typeof HealthComponentScoreSchema>;

export const HealthPointSchema = z.object({
  day: z.string(),
  score: z.number().int().nullable(),
  grade: z.enum(HEALTH_GRADES).nullable(),
});
export type HealthPoint = z.infer<typeof HealthPointSchema>;

export const AccountHealthSchema = z.object({
  accountId: z.string(),
  asOf: z.string().describe('The agency day the score is computed on'),
  score: z.number().int().min(0).max(100).nullable().describe('Null when no component has data: the score is not guessed'),
  grade: z.enum(HEALTH_GRADES).nullable(),
  components: z.array(HealthComponentScoreSchema),
  trend: z.array(HealthPointSchema).describe('Daily snapshots of the last `days` days, oldest first'),
});
export type AccountHealth = z.infer<typeof AccountHealthSchema>;

export const AccountHealthQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(365).default(90).describe('How many days of snapshots the trend holds'),
});
