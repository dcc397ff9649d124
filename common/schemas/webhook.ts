import { z } from 'zod';

/** What a subscription may ask for; each type's `data` is documented below and in the API document. */
export const WEBHOOK_EVENT_TYPES = [
  'account.created',
  'account.updated',
  'contact.created',
  'interaction.logged',
  'project.created',
  'project.stage_changed',
  'invoice.issued',
  'invoice.paid',
  'invoice.overdue',
  'payment.recorded',
  'document.signed',
  'deal.created',
  'deal.won',
  'deal.lost',
  'claim.opened',
  'survey.answered',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent by "send test" only; no subscription asks for it. */
export const WEBHOOK_PING = 'webhook.ping';

/** The version of every payload's shape: a breaking change to `data` comes as a new version. */
export const WEBHOOK_PAYLOAD_VERSION = 1;

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

const id = z.string();
const on = { accountId: id.describe('The account it happened on'), actorId: id.nullable().describe('Who did it; null for the system') };

/** Each event type's `data`. Money in integer minor units. */
export const WEBHOOK_EVENT_DATA = {
  'account.created': z.object({ ...on, name: z.string() }),
  'account.updated': z.object({
    ...on,
    name: z.string(),
    status: z.string(),
    ownerId: id.nullable(),
    backupOwnerId: id.nullable(),
    version: z.number().int(),
  }),
  'contact.created': z.object({ ...on, contactId: id, name: z.string() }),
  'interaction.logged': z.object({
    ...on,
    interactionId: id,
    type: z.string().describe('meeting, call, email or note'),
    occurredAt: z.string(),
    summary: z.string(),
    projectId: id.nullable(),
    dealId: id.nullable(),
  }),
  'project.created': z.object({ ...on, projectId: id, name: z.string() }),
  'project.stage_changed': z.object({ ...on, projectId: id, name: z.string(), from: z.string(), to: z.string() }),
  'invoice.issued': z.object({
    ...on,
    invoiceId: id,
    number: z.string(),
    totalMinor: z.number().int(),
    currency: z.string(),
    dueDate: z.string().nullable(),
  }),
  'invoice.paid': z.object({ ...on, invoiceId: id, number: z.string(), currency: z.string(), paidOn: z.string() }),
  'invoice.overdue': z.object({
    ...on,
    invoiceId: id,
    number: z.string(),
    currency: z.string(),
    dueDate: z.string(),
    balanceMinor: z.number().int().describe('What is still owed'),
  }),
  'payment.recorded': z.object({
    ...on,
    paymentId: id,
    invoiceId: id,
    number: z.string(),
    amountMinor: z.number().int(),
    currency: z.string(),
    paidOn: z.string(),
    fully: z.boolean().describe('Whether it paid what the invoice still owed'),
  }),
  'document.signed': z.object({
    ...on,
    documentId: id,
    kind: z.string(),
    number: z.string().nullable(),
    via: z.enum(['portal', 'paper']),
  }),
  'deal.created': z.object({ ...on, dealId: id, title: z.string(), stage: z.string() }),
  'deal.won': z.object({ ...on, dealId: id, title: z.string(), from: z.string(), note: z.string().nullable() }),
  'deal.lost': z.object({
    ...on,
    dealId: id,
    title: z.string(),
    from: z.string(),
    lostReason: z.string().nullable(),
    note: z.string().nullable(),
  }),
  'claim.opened': z.object({
    ...on,
    claimId: id,
    category: z.string(),
    severity: z.string(),
    source: z.string(),
    projectId: id.nullable(),
  }),
  'survey.answered': z.object({
    ...on,
    surveyId: id,
    kind: z.string().describe('nps or csat'),
    score: z.number().int(),
    comment: z.string().nullable(),
    projectId: id.nullable(),
  }),
} satisfies Record<WebhookEventType, z.ZodTypeAny>;

export type WebhookEventData<T extends WebhookEventType> = z.infer<(typeof WEBHOOK_EVENT_DATA)[T]>;

/** The body of every delivery: `{ type, version, timestamp, data }`, one named schema per type in the API document. */
const payloadOf = (type: string, data: z.ZodTypeAny) =>
  z
    .object({
      type: z.literal(type),
      version: z.literal(WEBHOOK_PAYLOAD_VERSION),
      timestamp: z.string().describe('When it happened (UTC, ISO 8601)'),
      data,
    })
    .meta({ id: `WebhookEvent_${type.replace(/\./g, '_')}` });

export const WebhookPayloadSchema = z.discriminatedUnion('type', [
  ...WEBHOOK_EVENT_TYPES.map((t) => payloadOf(t, WEBHOOK_EVENT_DATA[t])),
  payloadOf(WEBHOOK_PING, z.object({ subscriptionId: id })),
] as unknown as [z.ZodObject, z.ZodObject]);

const EventTypesSchema = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { message: 'webhooks.event_type' }))
  .min(1, { message: 'webhooks.event_types_empty' })
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((types) => [...new Set(types)]);

export const WebhookCreateSchema = z.object({
  url: z.string().trim().min(1).max(2000),
  description: z.string().trim().max(500).optional(),
  eventTypes: EventTypesSchema,
  enabled: z.boolean().optional(),
});
export type WebhookCreate = z.input<typeof WebhookCreateSchema>;

export const WebhookUpdateSchema = WebhookCreateSchema.partial();

export const WebhookSchema = z.object({
  id,
  url: z.string(),
  description: z.string().nullable(),
  eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  enabled: z.boolean(),
  disabledAt: z.string().nullable().describe('When retries ran out and it was turned off'),
  previousSecretUntil: z.string().nullable().describe('Until when the secret before the last rotation still signs'),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Webhook = z.infer<typeof WebhookSchema>;

/** Answered once, on create and on rotation: the secret is never shown again. */
export const WebhookWithSecretSchema = WebhookSchema.extend({
  secret: z.string().describe('`whsec_…` (Standard Webhooks); keep it, it is not shown again'),
});
export type WebhookWithSecret = z.infer<typeof WebhookWithSecretSchema>;

export const WebhookListSchema = z.object({ items: z.array(WebhookSchema) });

export const WebhookDeliverySchema = z.object({
  id,
  subscriptionId: id,
  eventId: id.describe('The `webhook-id` header'),
  eventType: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  responseCode: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  responseExcerpt: z.string().nullable().describe('The start of the receiver’s answer'),
  error: z.string().nullable().describe('Why the last attempt failed when no answer came (refused address, timeout…)'),
  createdAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const WebhookDeliveryPageSchema = z.object({ items: z.array(WebhookDeliverySchema), nextCursor: z.string().nullable() });
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPageSchema>;

export const WebhookDeliveryQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

/** Hosts that may be private (on-premise receivers): names or IP literals, lower case. */
export const WebhookSettingsSchema = z.object({
  allowedPrivateHosts: z.array(z.string()),
});
export type WebhookSettings = z.infer<typeof WebhookSettingsSchema>;

export const WebhookSettingsUpdateSchema = z.object({
  allowedPrivateHosts: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .min(1)
        .max(253)
        .regex(/^[a-z0-9.:_-]+$|^\[[0-9a-f:.]+\]$/, { message: 'webhooks.host' }),
    )
    .max(50)
    .transform((hosts) => [...new Set(hosts.map((h) => h.replace(/^\[|\]$/g, '')))]),
});
