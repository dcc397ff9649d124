import { z } from 'zod';
import { DEAL_OPEN_STAGES } from '../enums.js';
import { IdSchema } from './common.js';

/** Longest period the pipeline report covers, in months. */
export const PIPELINE_REPORT_MAX_MONTHS = 36;

const MONTH_OR_DATE = /^(\d{4})-(0[1-9]|1[0-2])(?:-(\d{2}))?$/;

/** `YYYY-MM` (a whole month) or `YYYY-MM-DD`, a date that exists, within the years records can have; the reports' period bounds. */
export const MonthOrDateSchema = z.string().refine(
  (v) => {
    const m = MONTH_OR_DATE.exec(v);
    if (!m || m[1] < '1970' || m[1] > '2100') return false;
    return m[3] === undefined || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
  },
  { message: 'deal_report.month_or_date' },
);

export const PipelineReportQuerySchema = z.object({
  from: MonthOrDateSchema.optional().describe(
    'First month (`YYYY-MM`, from its first day) or day of the period; six months before this one by default',
  ),
  to: MonthOrDateSchema.optional().describe(
    'Last month (`YYYY-MM`, to its last day) or day of the period; five months after this one by default',
  ),
  /** `me` or a user id: whose deals. */
  owner: z
    .union([z.literal('me'), IdSchema])
    .optional()
    .describe('Only the deals this user owns (`me` for yours)'),
});
export type PipelineReportQuery = z.infer<typeof PipelineReportQuerySchema>;

const money = z.number().int();

const ForecastStageSchema = z.object({
  stage: z.enum(DEAL_OPEN_STAGES),
  deals: z.number().int(),
  amountMinor: money,
  weightedMinor: money,
});

/** Open deals expected to close in one month (or, for `overdue`, before this month), in one currency. */
const ForecastBucketSchema = z.object({
  deals: z.number().int(),
  amountMinor: money.describe('Sum of the deals’ amounts'),
  weightedMinor: money.describe('Sum of each deal’s amount × probability / 100, rounded half away from zero per deal'),
  stages: z.array(ForecastStageSchema).describe('The same by stage, in pipeline order; stages without deals left out'),
});

export const ForecastCurrencySchema = z.object({
  currency: z.string(),
  overdue: ForecastBucketSchema.describe('Open deals whose expected close date is before this month, whatever the period'),
  months: z
    .array(ForecastBucketSchema.extend({ month: z.string() }))
    .describe('Every month from this one (or the period’s first, if later) to the period’s last'),
  total: ForecastBucketSchema.omit({ stages: true }).describe('The overdue bucket and the months together'),
});

const RateSchema = z.object({
  won: z.number().int(),
  lost: z.number().int(),
  rate: z.number().nullable().describe('won / (won + lost), 0–1; null when none closed'),
});

export const PipelineReportSchema = z.object({
  from: z.string().describe('First day of the period'),
  to: z.string().describe('Last day of the period'),
  thisMonth: z.string().describe('The current month in the agency’s time zone (`YYYY-MM`)'),
  ownerId: z.string().nullable(),
  forecast: z.array(ForecastCurrencySchema).describe('Per currency (amounts are never added across currencies), by currency code'),
  winRate: RateSchema.extend({
    owners: z.array(RateSchema.extend({ ownerId: z.string(), ownerName: z.string().nullable() })),
  }).describe('Deals won and lost in the period (by the day they closed, in the agency’s time zone)'),
  cycle: z
    .object({
      won: z.object({ deals: z.number().int(), averageDays: z.number().nullable() }),
      lost: z.object({ deals: z.number().int(), averageDays: z.number().nullable() }),
    })
    .describe('Average days from a deal’s opening (its first recorded stage) to its closing, for the deals closed in the period'),
  lostReasons: z
    .array(
      z.object({
        reason: z.string().nullable(),
        name: z.string().describe('The reason’s name in your language, from the pipeline settings (its key if it was removed)'),
        deals: z.number().int(),
        amounts: z.array(z.object({ currency: z.string(), amountMinor: money })),
      }),
    )
    .describe('Reasons deals lost in the period were lost for, most frequent first'),
});
export type PipelineReport = z.infer<typeof PipelineReportSchema>;
export type ForecastCurrency = z.infer<typeof ForecastCurrencySchema>;
