import { z } from 'zod';
import { BILLING_ACTION_KINDS, EMAIL_STATUSES } from '../enums.js';
import { IdSchema, ListQuerySchema, RecordMetaSchema, abilitiesOf, requiredText } from './common.js';

/** Text in each interface language; emails go out in the account's language. */
const LocalizedTextSchema = (max: number) => z.object({ en: requiredText(max), ru: requiredText(max) });

/** One step of the dunning ladder, counted in days from the due date (negative: before it). */
export const FollowUpLevelSchema = z.object({
  days: z.number().int().min(-60).max(365),
  sendEmail: z.boolean(),
  attachInvoice: z.boolean(),
  createCallTask: z.boolean(),
  stopWork: z.boolean(),
  alert: z.boolean(),
  subject: LocalizedTextSchema(200),
  body: LocalizedTextSchema(5000),
});
export type FollowUpLevel = z.infer<typeof FollowUpLevelSchema>;

const NUMBER_FORMAT_HELP = 'Use {YYYY} or {YY} for the year and {N…} for the counter, e.g. {YYYY}-{NNNNNN}';

export const BillingSettingsSchema = z.object({
  timeZone: z.string().min(1).max(100),
  followUpTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.time' }),
  invoiceNumberFormat: z
    .string()
    .min(1)
    .max(40)
    .refine((f) => /\{N+\}/.test(f) && /\{YY(YY)?\}/.test(f), { message: NUMBER_FORMAT_HELP }),
  levels: z
    .array(FollowUpLevelSchema)
    .max(10, { message: 'settings.levels_max' })
    .refine((ls) => new Set(ls.map((l) => l.days)).size === ls.length, { message: 'settings.levels_unique' }),
});
export type BillingSettings = z.infer<typeof BillingSettingsSchema>;

export const BillingSettingsUpdateSchema = BillingSettingsSchema.partial();

export const BillingActionAbilitiesSchema = abilitiesOf({ complete: 'Mark the call or alert done' });
export type BillingActionAbilities = z.infer<typeof BillingActionAbilitiesSchema>;

export const BillingActionSchema = RecordMetaSchema.extend({
  kind: z.enum(BILLING_ACTION_KINDS),
  accountId: z.string(),
  accountName: z.string(),
  invoiceId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeRole: z.string().nullable(),
  title: z.string(),
  detail: z.string(),
  dueDate: z.string(),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
  can: BillingActionAbilitiesSchema,
});
export type BillingAction = z.infer<typeof BillingActionSchema>;

export const BillingActionListQuerySchema = ListQuerySchema.pick({ limit: true, cursor: true }).extend({
  /** open (default), done, or all. */
  state: z.enum(['open', 'done', 'all']).default('open'),
  kind: z.enum(BILLING_ACTION_KINDS).optional(),
  accountId: IdSchema.optional(),
});
export type BillingActionListQuery = z.infer<typeof BillingActionListQuerySchema>;

export const FollowUpEmailAbilitiesSchema = abilitiesOf({ retry: 'Send the email again now (one not sent yet)' });
export type FollowUpEmailAbilities = z.infer<typeof FollowUpEmailAbilitiesSchema>;

export const FollowUpEmailSchema = z.object({
  id: z.string(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(EMAIL_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  runDate: z.string().nullable(),
  invoiceIds: z.array(z.string()),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  can: FollowUpEmailAbilitiesSchema,
});
export type FollowUpEmail = z.infer<typeof FollowUpEmailSchema>;

export const FollowUpEmailListQuerySchema = ListQuerySchema.pick({ limit: true, cursor: true }).extend({
  status: z.enum(EMAIL_STATUSES).optional(),
  accountId: IdSchema.optional(),
});
export type FollowUpEmailListQuery = z.infer<typeof FollowUpEmailListQuerySchema>;

export const FollowUpRunSchema = z.object({
  date: z.string(),
  /** True when today's follow-ups had already run; nothing was done again. */
  alreadyRan: z.boolean(),
  invoices: z.number().int(),
  emails: z.number().int(),
  callTasks: z.number().int(),
  alerts: z.number().int(),
  stopWork: z.number().int(),
  emailsSent: z.number().int(),
  emailsPending: z.number().int(),
});
export type FollowUpRun = z.infer<typeof FollowUpRunSchema>;
