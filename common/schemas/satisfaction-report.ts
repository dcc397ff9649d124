import { z } from 'zod';
import { CLAIM_DEADLINES, CLAIM_STATUSES, SURVEY_KINDS, WORK_KINDS } from '../enums.js';
import { IdSchema, ListQuerySchema, pageOf } from './common.js';
import { MonthOrDateSchema } from './deal-report.js';

/** Longest period the satisfaction report covers, in months. */
export const SATISFACTION_REPORT_MAX_MONTHS = 36;

/** NPS bands: promoters 9–10, passives 7–8, detractors 0–6; `low` is an NPS ≤ 6 or a CSAT ≤ 2. */
export const ANSWER_BANDS = ['promoter', 'passive', 'detractor', 'low'] as const;
export type AnswerBand = (typeof ANSWER_BANDS)[number];

/** The kinds of records a bar of the report opens. */
export const SATISFACTION_RECORD_KINDS = ['answers', 'claims', 'milestones', 'tasks', 'invoices'] as const;
export type SatisfactionRecordKind = (typeof SATISFACTION_RECORD_KINDS)[number];

/** Invoices paid after their due date, or still owed past it. */
export const PAYMENT_SIGNALS = ['paid_late', 'overdue'] as const;

/** The period and whose records: one account, one manager's accounts, or all the caller reads. */
export const SatisfactionScopeQuerySchema = z.object({
  from: MonthOrDateSchema.optional().describe(
    'First month (`YYYY-MM`, from its first day) or day of the period; eleven months before this one by default',
  ),
  to: MonthOrDateSchema.optional().describe('Last month (`YYYY-MM`, to its last day) or day of the period; this month by default'),
  account: IdSchema.optional().describe('Only this account'),
  owner: z
    .union([z.literal('me'), IdSchema])
    .optional()
    .describe('Only the accounts this manager owns (`me` for yours); a manager may ask only for their own'),
});
export type SatisfactionScopeQuery = z.infer<typeof SatisfactionScopeQuerySchema>;

/** What a bar of the report stands for: the records query that lists them (with the report's period and scope). */
export const SatisfactionDrillSchema = z.object({
  kind: z.enum(SATISFACTION_RECORD_KINDS),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'deal_report.month_or_date' })
    .optional()
    .describe('Answers of this month only'),
  surveyKind: z.enum(SURVEY_KINDS).optional(),
  band: z.enum(ANSWER_BANDS).optional(),
  projectId: IdSchema.optional(),
  workKind: z
    .enum([...WORK_KINDS, 'none'])
    .optional()
    .describe('Answers on projects of this kind of work (`none`: asked of the relationship, without a project)'),
  specialistId: IdSchema.optional().describe('Answers on projects this specialist had tasks on'),
  category: z.string().max(50).optional(),
  rootCause: z.string().max(50).optional(),
  breached: z.enum(CLAIM_DEADLINES).optional().describe('Claims that missed this deadline'),
  met: z.enum(CLAIM_DEADLINES).optional().describe('Claims that met this deadline'),
  accountId: IdSchema.optional(),
  payment: z.enum(PAYMENT_SIGNALS).optional(),
});
export type SatisfactionDrill = z.infer<typeof SatisfactionDrillSchema>;

export const SatisfactionRecordsQuerySchema = SatisfactionScopeQuerySchema.extend(SatisfactionDrillSchema.shape).extend(
  ListQuerySchema.omit({ q: true }).shape,
);
export type SatisfactionRecordsQuery = z.infer<typeof SatisfactionRecordsQuerySchema>;

/** One record behind a bar: an answer, a claim, a late milestone or task, an invoice paid late or overdue. */
export const SatisfactionRecordSchema = z.object({
  id: z.string(),
  kind: z.enum(SATISFACTION_RECORD_KINDS),
  date: z.string().describe('When it was answered or registered (timestamps), or its due date (milestones, tasks, invoices)'),
  accountId: z.string(),
  accountName: z.string(),
  projectId: z.string().nullable(),
  title: z.string().describe('The survey kind, the claim’s category name, the milestone’s or task’s title, or the invoice’s number'),
  detail: z.string().nullable().describe('The answer’s comment, or the claim’s description'),
  score: z.number().int().nullable(),
  status: z.enum(CLAIM_STATUSES).nullable(),
  rootCause: z.string().nullable().describe('The root cause’s name, for claims'),
  daysLate: z.number().int().nullable().describe('Days after the due date it was done or paid (or, still open, until today)'),
  amountMinor: z.number().int().nullable().describe('Invoices: still owed when overdue, the total when paid late'),
  currency: z.string().nullable(),
});
export type SatisfactionRecord = z.infer<typeof SatisfactionRecordSchema>;
export const SatisfactionRecordPageSchema = pageOf(SatisfactionRecordSchema);

const count = z.number().int();
const drill = SatisfactionDrillSchema.describe('The records behind this item: pass it to `/reports/satisfaction/records`');

const NpsSchema = z.object({
  promoters: count,
  passives: count,
  detractors: count,
  responses: count,
  nps: z
    .number()
    .int()
    .nullable()
    .describe('% promoters − % detractors, −100 to 100, rounded to the nearest integer (halves away from zero); null with no answers'),
});

const CsatSchema = z.object({
  responses: count,
  average: z.number().nullable().describe('Mean score 1–5, to two decimals; null with no answers'),
  low: count.describe('Answers of 1 or 2'),
  drill,
});

const ParetoItemSchema = z.object({
  key: z.string(),
  name: z.string().describe('In your language, from the claims settings (the key if it was removed)'),
  claims: count,
  cumulativePercent: z.number().describe('Share of all the chart’s claims up to and including this item, 0–100, one decimal'),
  drill,
});

const DeadlineSchema = z.object({
  due: count.describe('Claims of the period with this deadline'),
  met: count.describe('Done (responded or resolved) by the deadline'),
  late: count.describe('Done after the deadline'),
  open: count.describe('Not done yet'),
  breaches: count.describe('Claims that missed the deadline: done after it, or not done and past it now'),
  withinShare: z.number().nullable().describe('met / (met + late), 0–1; null when none is done'),
  medianHours: z.number().nullable().describe('Median hours from registration, to one decimal, of those done'),
  averageHours: z.number().nullable(),
  drill,
});

const AccountSignalsSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  lateMilestones: count,
  lateTasks: count,
  paidLate: count.describe('Invoices due in the period paid after their due date'),
  averageDaysLate: z.number().nullable().describe('Of the invoices paid late, to one decimal'),
  overdue: z
    .array(z.object({ currency: z.string(), invoices: count, amountMinor: z.number().int() }))
    .describe('Owed past due today on invoices due in the period, per currency (never added across currencies)'),
  drill: z.object({ milestones: drill, tasks: drill, paidLate: drill, overdue: drill }),
});

export const CAUSE_SOURCES = ['root_cause', 'low_answers', 'late_delivery', 'late_payment'] as const;

const CauseSchema = z.object({
  source: z.enum(CAUSE_SOURCES),
  key: z.string().describe('The root cause, the work kind (`none` without a project), or `milestones` / `tasks` / `paid_late` / `overdue`'),
  name: z.string(),
  count: count.describe('Claims, low answers, late milestones or tasks, or invoices'),
  accounts: count.describe('Accounts concerned'),
  comments: z.array(z.string()).describe('Low answers: the latest comments (up to three)'),
  drill,
});

export const SatisfactionReportSchema = z.object({
  from: z.string().describe('First day of the period'),
  to: z.string().describe('Last day of the period'),
  accountId: z.string().nullable(),
  ownerId: z.string().nullable(),
  nps: z.object({
    months: z.array(NpsSchema.extend({ month: z.string(), drill })).describe('Every month of the period, by the agency’s time zone'),
    total: NpsSchema,
  }),
  csat: z.object({
    total: CsatSchema.omit({ drill: true }),
    byProject: z.array(CsatSchema.extend({ projectId: z.string(), name: z.string(), accountName: z.string() })),
    byWorkKind: z.array(CsatSchema.extend({ workKind: z.enum(WORK_KINDS) })),
    bySpecialist: z
      .array(CsatSchema.extend({ userId: z.string(), name: z.string() }))
      .describe('Each answer on a project counts for every person assigned a task of it (of the answer’s milestone, when it has one)'),
  }),
  claims: z.object({
    total: count,
    byCategory: z.array(ParetoItemSchema).describe('Claims registered in the period, most frequent first'),
    byRootCause: z.array(ParetoItemSchema).describe('Those with a root cause recorded, most frequent first'),
    respond: DeadlineSchema,
    resolve: DeadlineSchema,
  }),
  accounts: z.array(AccountSignalsSchema).describe('Accounts with a late delivery or a payment signal in the period, most signals first'),
  causes: z.array(CauseSchema).describe('Causes of dissatisfaction, most frequent first'),
});
export type SatisfactionReport = z.infer<typeof SatisfactionReportSchema>;
