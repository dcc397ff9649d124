import { z } from 'zod';
import { CORRECTIVE_ACTION_RESULTS, CORRECTIVE_ACTION_SCOPES, CORRECTIVE_ACTION_STATUSES } from '../enums.js';
import { abilitiesOf, CalendarDateSchema, IdSchema, ListQuerySchema, optionalText, RecordMetaSchema, requiredText } from './common.js';

/** A key of the claims' configured root causes. */
const RootCauseKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,50}$/, { message: 'claim.key' });

/** What an action needs, whatever it is for: what will change, who sees to it, when it is done and when it is checked. */
const PlanSchema = z.object({
  what: requiredText(5000, 'corrective.what_required'),
  ownerId: IdSchema,
  dueOn: CalendarDateSchema,
  checkOn: CalendarDateSchema,
});
const checkAfterDue = <T extends { dueOn?: string; checkOn?: string }>(p: T) => !p.dueOn || !p.checkOn || p.checkOn >= p.dueOn;
const CHECK_AFTER_DUE = { message: 'corrective.check_after_due', path: ['checkOn'] };

/** A new action: for one claim (`claimId`) or for a root cause across claims (`rootCause`), never both. */
export const CorrectiveActionCreateSchema = PlanSchema.extend({
  claimId: IdSchema.optional(),
  rootCause: RootCauseKeySchema.optional(),
})
  .refine((a) => Boolean(a.claimId) !== Boolean(a.rootCause), { message: 'corrective.claim_or_root_cause', path: ['claimId'] })
  .refine(checkAfterDue, CHECK_AFTER_DUE);
export type CorrectiveActionCreate = z.input<typeof CorrectiveActionCreateSchema>;

/** Changes to an open action (send If-Match). It closes only through its check, so `status` is not a field here. */
export const CorrectiveActionUpdateSchema = PlanSchema.partial().strict().refine(checkAfterDue, CHECK_AFTER_DUE);
export type CorrectiveActionUpdate = z.input<typeof CorrectiveActionUpdateSchema>;

/** The effectiveness check: its result closes the action; "not effective" opens the follow-up action in the same step. */
export const CorrectiveActionCheckSchema = z
  .object({
    result: z.enum(CORRECTIVE_ACTION_RESULTS, { message: 'corrective.result_required' }),
    note: optionalText(5000),
    /** Count recurrences on the claim's account only (a claim's action). */
    sameAccount: z.boolean().default(false),
    followUp: PlanSchema.refine(checkAfterDue, CHECK_AFTER_DUE).optional(),
  })
  .refine((c) => c.result !== 'not_effective' || c.followUp, { message: 'corrective.follow_up_required', path: ['followUp'] })
  .refine((c) => c.result !== 'effective' || !c.followUp, { message: 'corrective.follow_up_only_when_not_effective', path: ['followUp'] });
export type CorrectiveActionCheck = z.input<typeof CorrectiveActionCheckSchema>;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const CheckPreviewQuerySchema = z.object({ sameAccount: booleanQuery.default(false) });

/** Average CSAT (1–5) and NPS (promoters − detractors, in points) with how many answers each rests on. */
export const SatisfactionFiguresSchema = z.object({
  csatAverage: z.number().nullable().describe('Mean CSAT score, two decimals; null with no answer'),
  csatCount: z.number().int(),
  nps: z.number().int().nullable().describe('% promoters (9–10) − % detractors (0–6), rounded; null with no answer'),
  npsCount: z.number().int(),
  promoters: z.number().int(),
  detractors: z.number().int(),
});
export type SatisfactionFigures = z.infer<typeof SatisfactionFiguresSchema>;

/** A recurring claim: its id and account only, as it may belong to an account the checker does not manage. */
const RecurrenceSchema = z.object({ id: z.string(), accountId: z.string(), createdAt: z.string() });

/** What the checker judges by: did the cause recur since the action, and how satisfied the affected accounts were before and after it. */
export const CheckFiguresSchema = z.object({
  asOf: z.string(),
  since: z.string().describe('The action’s creation: recurrences and "after" answers count from here'),
  rootCause: z.string().nullable().describe('The root cause counted (a claim’s, read from the claim); null if the claim has none yet'),
  sameAccount: z.boolean(),
  recurrenceCount: z.number().int(),
  recurrences: z.array(RecurrenceSchema).describe('The recurring claims, newest first (at most 50)'),
  accountIds: z.array(z.string()).describe('The accounts of the action’s claims, whose satisfaction is compared'),
  before: SatisfactionFiguresSchema.describe('Answers in the 365 days before the action'),
  after: SatisfactionFiguresSchema.describe('Answers since the action'),
});
export type CheckFigures = z.infer<typeof CheckFiguresSchema>;

export const CorrectiveActionAbilitiesSchema = abilitiesOf({
  update: 'Change the open action (PATCH)',
  check: 'Record the effectiveness check',
});

const LinkedClaimSchema = z.object({ id: z.string(), accountId: z.string(), accountName: z.string() });

export const CorrectiveActionSchema = RecordMetaSchema.extend({
  scope: z.enum(CORRECTIVE_ACTION_SCOPES),
  claimId: z.string().nullable(),
  rootCause: z
    .string()
    .nullable()
    .describe('The root cause: a root cause’s action’s own; a claim’s action’s, the claim’s when the action was opened or last checked'),
  what: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  dueOn: z.string(),
  checkOn: z.string(),
  status: z.enum(CORRECTIVE_ACTION_STATUSES),
  result: z.enum(CORRECTIVE_ACTION_RESULTS).nullable(),
  checkNote: z.string().nullable(),
  checkedAt: z.string().nullable(),
  checkedById: z.string().nullable(),
  /** The figures the check was judged on, frozen when it was recorded. */
  checkFigures: CheckFiguresSchema.nullable(),
  followUpOfId: z.string().nullable(),
  followUpId: z.string().nullable().describe('The action opened when this one was found not effective'),
  claims: z.array(LinkedClaimSchema).describe('The claims the action is about (at most 50)'),
  createdById: z.string().nullable(),
  can: CorrectiveActionAbilitiesSchema,
});
export type CorrectiveAction = z.infer<typeof CorrectiveActionSchema>;

export const CorrectiveActionListQuerySchema = ListQuerySchema.omit({ q: true }).extend({
  claimId: IdSchema.optional(),
  rootCause: RootCauseKeySchema.optional(),
  status: z.enum(CORRECTIVE_ACTION_STATUSES).optional(),
  ownerId: IdSchema.optional(),
  /** Actions due on or before this date. */
  dueBy: CalendarDateSchema.optional(),
});
export type CorrectiveActionListQuery = z.infer<typeof CorrectiveActionListQuerySchema>;
