import { z } from 'zod';
import { DEAL_OPEN_STAGES, DEAL_SORTS, DEAL_STAGES, DEAL_STATES } from '../enums.js';
import {
  abilitiesOf,
  CalendarDateSchema,
  CurrencySchema,
  IdSchema,
  ListQuerySchema,
  MinorAmountSchema,
  optionalText,
  RecordMetaSchema,
  requiredText,
} from './common.js';

/** A probability in whole percent. */
const ProbabilitySchema = z
  .number({ message: 'deal.probability' })
  .int({ message: 'deal.probability' })
  .min(0, { message: 'deal.probability' })
  .max(100, { message: 'deal.probability' });

const nextStepText = requiredText(500, 'deal.next_step_required');
const nextStepDue = CalendarDateSchema;

/** What a deal is about, as it is opened (on its own or in the meeting that found it). */
export const DealFieldsSchema = z.object({
  title: requiredText(200, 'deal.title_required'),
  amount: MinorAmountSchema,
  currency: CurrencySchema,
  /** An open stage (a deal is never opened already closed); the first one by default. */
  stage: z.enum(DEAL_OPEN_STAGES).optional(),
  /** Whole percent; the stage's default when left out. */
  probability: ProbabilitySchema.optional(),
  expectedCloseDate: CalendarDateSchema,
  nextStep: nextStepText,
  nextStepDue,
  /** A manager of the account; whoever opens the deal by default. */
  ownerId: IdSchema.optional(),
});

export const DealCreateSchema = DealFieldsSchema.extend({ accountId: IdSchema });
export type DealCreate = z.input<typeof DealCreateSchema>;

/** Changes to a deal; its stage moves through `POST /deals/:id/stage` only. */
export const DealUpdateSchema = z
  .object({
    title: DealFieldsSchema.shape.title,
    amount: MinorAmountSchema,
    currency: CurrencySchema,
    probability: ProbabilitySchema,
    expectedCloseDate: CalendarDateSchema,
    nextStep: optionalText(500),
    nextStepDue: CalendarDateSchema.nullable(),
    ownerId: IdSchema,
  })
  .partial();
export type DealUpdate = z.input<typeof DealUpdateSchema>;

/**
 * A move along the pipeline. `lost` needs a reason from the configured list; `won` needs a note
 * saying how it was won (later an accepted proposal will do as well). Moving to an open stage may
 * set the deal's next step in the same request.
 */
export const DealStageMoveSchema = z.object({
  stage: z.enum(DEAL_STAGES),
  /** Whole percent; the new stage's default when left out. */
  probability: ProbabilitySchema.optional(),
  lostReason: z.string().trim().min(1).max(50).optional(),
  note: optionalText(2000),
  nextStep: nextStepText.optional(),
  nextStepDue: nextStepDue.optional(),
});
export type DealStageMove = z.input<typeof DealStageMoveSchema>;

/** What a meeting does to an open deal of the account: its new next step, and a new stage if it moved. */
export const DealAdvanceSchema = DealStageMoveSchema.extend({ dealId: IdSchema, stage: z.enum(DEAL_STAGES).optional() });
export type DealAdvance = z.input<typeof DealAdvanceSchema>;

export const DealAbilitiesSchema = abilitiesOf({
  update: 'Change the deal (PATCH)',
  moveStage: 'Move the deal to another stage',
});

export const DealSchema = RecordMetaSchema.extend({
  accountId: z.string(),
  accountName: z.string(),
  /** The account's status: a prospect's deal is new business, an existing client's an upsell. */
  accountStatus: z.string(),
  title: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  stage: z.enum(DEAL_STAGES),
  state: z.enum(DEAL_STATES),
  probability: z.number().int(),
  expectedCloseDate: z.string(),
  nextStep: z.string().nullable(),
  nextStepDue: z.string().nullable(),
  nextStepOverdue: z.boolean().describe('Open, and its next step’s date (in the agency’s time zone) has passed'),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  lostReason: z.string().nullable(),
  /** How it was won, or more on why it was lost. */
  closeNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  can: DealAbilitiesSchema,
});
export type Deal = z.infer<typeof DealSchema>;

export const DealListQuerySchema = ListQuerySchema.omit({ q: true }).extend({
  accountId: IdSchema.optional(),
  /** `me` or a user id: whose deals. */
  owner: z.union([z.literal('me'), IdSchema]).optional(),
  stage: z.enum(DEAL_STAGES).optional(),
  state: z.enum(DEAL_STATES).optional(),
  /** Expected to close on or after this date. */
  closeFrom: CalendarDateSchema.optional(),
  /** Expected to close on or before this date. */
  closeTo: CalendarDateSchema.optional(),
  sort: z.enum(DEAL_SORTS).default('close'),
  /** Closed (won or lost) on or after this date, in the agency's time zone: the board's recent wins and losses. */
  closedFrom: CalendarDateSchema.optional(),
  /** Closed on or before this date. */
  closedTo: CalendarDateSchema.optional(),
});
export type DealListQuery = z.infer<typeof DealListQuerySchema>;

/** The deals list's filters and order without its paging: what the stage totals sum over. */
export const DealExportQuerySchema = DealListQuerySchema.omit({ cursor: true, limit: true });
export type DealExportQuery = z.infer<typeof DealExportQuerySchema>;

/** One move of a deal along the pipeline (from is null for the stage it was opened in). */
export const DealStageChangeSchema = z.object({
  from: z.enum(DEAL_STAGES).nullable(),
  to: z.enum(DEAL_STAGES),
  at: z.string(),
  byId: z.string().nullable(),
  lostReason: z.string().nullable(),
  note: z.string().nullable(),
});
export type DealStageChange = z.infer<typeof DealStageChangeSchema>;

const StageName = z.object({ en: requiredText(60), ru: requiredText(60) });

/** A stage as the agency configures it: its name in each language and its default probability. */
export const DealStageSettingSchema = z.object({ name: StageName, probability: ProbabilitySchema });

export const LostReasonSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,50}$/, { message: 'deal.reason_key' }),
  name: StageName,
});

/** The pipeline's stages (every one, by key) and the reasons a deal can be lost for. */
export const DealSettingsSchema = z
  .object({
    stages: z.object(
      Object.fromEntries(DEAL_STAGES.map((s) => [s, DealStageSettingSchema])) as Record<
        (typeof DEAL_STAGES)[number],
        typeof DealStageSettingSchema
      >,
    ),
    lostReasons: z
      .array(LostReasonSchema)
      .min(1, { message: 'deal.reasons_required' })
      .max(50)
      .refine((r) => new Set(r.map((x) => x.key)).size === r.length, { message: 'deal.reasons_unique' }),
    /** How long a new proposal on a deal is valid, in days from the day it is made, unless it says otherwise. */
    proposalValidityDays: z.number().int().min(1).max(365).default(30),
  })
  // A won deal is certain and a lost one gone, whatever the open stages' odds.
  .refine((s) => s.stages.won.probability === 100 && s.stages.lost.probability === 0, {
    message: 'deal.closed_probability',
    path: ['stages'],
  });
export type DealSettings = z.infer<typeof DealSettingsSchema>;

/** How many deals of a stage in one currency the filtered list holds, and their amount (never summed across currencies). */
export const DealStageTotalSchema = z.object({
  stage: z.enum(DEAL_STAGES),
  currency: z.string(),
  count: z.number().int(),
  amount: z.number().int(),
});
export type DealStageTotal = z.infer<typeof DealStageTotalSchema>;
