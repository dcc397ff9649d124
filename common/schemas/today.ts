import { z } from 'zod';
import { CalendarDateSchema, IdSchema, requiredText } from './common.js';

/** What an item on Today is about; each module that owns a source contributes its kinds. */
export const AGENDA_KINDS = [
  'next_step_due',
  'meeting_without_outcome',
  'no_recent_contact',
  'invoice_overdue',
  'credit_limit_exceeded',
  'work_stopped',
  'payment_desk_action',
  'task_late',
  'task_blocked',
  'milestone_late',
  'plan_waiting',
  'requirement_waiting',
  'claim_deadline',
  'account_unassigned',
  'corrective_check_due',
  'corrective_action_overdue',
  'deal_next_step_due',
  'deal_without_next_step',
  'proposal_undecided',
  'proposal_expiring',
  'health_drop',
  'document_to_send',
  'signature_waiting',
  'contract_ending',
  'status_report_due',
  'detractor_not_followed_up',
  'brief_unanswered',
  'milestone_at_risk',
  'loyalty_downgrade_risk',
] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export const AGENDA_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type AgendaSeverity = (typeof AGENDA_SEVERITIES)[number];

/** The groups of Today, most pressing first. */
export const AGENDA_GROUPS = ['overdue', 'today', 'week'] as const;
export type AgendaGroup = (typeof AGENDA_GROUPS)[number];

/**
 * One-click actions an item offers besides opening its record: Today's own (done, snooze,
 * dismiss) and the owning module's (a next step done, a payment-desk call or alert done, an
 * overdue invoice's reminder sent now).
 */
export const AGENDA_ACTIONS = [
  'done',
  'snooze',
  'dismiss',
  'complete_next_step',
  'complete_billing_action',
  'log_call',
  'send_reminder',
] as const;
export type AgendaAction = (typeof AGENDA_ACTIONS)[number];

export const AGENDA_RECORD_TYPES = [
  'account',
  'next_step',
  'interaction',
  'invoice',
  'billing_action',
  'task',
  'project',
  'claim',
  'corrective_action',
  'deal',
  'proposal',
  'document',
  'survey',
] as const;

export const AgendaItemSchema = z.object({
  key: z.string().describe('Stable while the fact behind it stays the same; a new level or date gives a new key'),
  kind: z.enum(AGENDA_KINDS),
  severity: z.enum(AGENDA_SEVERITIES),
  group: z.enum(AGENDA_GROUPS),
  due: z.string().describe('The day it needed attention by (YYYY-MM-DD, the agency’s time zone)'),
  overdueDays: z.number().int().describe('Days past `due`; 0 or less when not overdue'),
  account: z.object({ id: z.string(), name: z.string() }).nullable(),
  record: z.object({ type: z.enum(AGENDA_RECORD_TYPES), id: z.string(), path: z.string().describe('Where the web app opens it') }),
  reason: z.string().describe('Why it needs attention, in the reader’s language'),
  reasonCode: z.string(),
  reasonParams: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  actions: z.array(z.enum(AGENDA_ACTIONS)),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

export const TodaySchema = z.object({
  subject: z.object({ id: z.string(), name: z.string() }).describe('Whose Today this is'),
  readOnly: z.boolean().describe('True when reading a colleague’s Today as their backup'),
  today: z.string(),
  groups: z.array(z.object({ group: z.enum(AGENDA_GROUPS), items: z.array(AgendaItemSchema) })),
  counts: z.array(z.object({ kind: z.enum(AGENDA_KINDS), count: z.number().int() })),
});
export type Today = z.infer<typeof TodaySchema>;

export const TodayQuerySchema = z.object({
  as: IdSchema.optional().describe('A colleague whose Today to read, read-only, when you are their backup'),
});

export const AgendaKeyParamsSchema = z.object({ key: z.string().min(1).max(300) });

export const AgendaSnoozeSchema = z.object({ until: CalendarDateSchema.describe('The item comes back on this day') });
export type AgendaSnooze = z.input<typeof AgendaSnoozeSchema>;

export const AgendaDismissSchema = z.object({ reason: requiredText(500, 'today.dismiss_reason_required') });
export type AgendaDismiss = z.input<typeof AgendaDismissSchema>;

export const AgendaMarkSchema = z.object({
  key: z.string(),
  state: z.enum(['snoozed', 'done', 'dismissed']),
  until: z.string().nullable(),
});
