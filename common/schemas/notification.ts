import { z } from 'zod';
import { LANGUAGES } from '../enums.js';

/** What a client is told about by email ("something awaits you in the portal"), each of which a contact may turn off. */
export const CLIENT_NOTIFICATION_KINDS = [
  'plan_approval',
  'requirement_approval',
  'document_signature',
  'invoice_issued',
  'status_report',
  'request_reply',
] as const;
export type ClientNotificationKind = (typeof CLIENT_NOTIFICATION_KINDS)[number];

const kindsShape = Object.fromEntries(CLIENT_NOTIFICATION_KINDS.map((k) => [k, z.boolean()])) as Record<
  ClientNotificationKind,
  z.ZodBoolean
>;

/** Which kinds a contact receives: true for each they receive (all, until they turn some off). */
export const NotificationKindsSchema = z.strictObject(kindsShape);
export type NotificationKinds = z.infer<typeof NotificationKindsSchema>;

export const NotificationPreferencesSchema = z.object({
  contactId: z.string(),
  kinds: NotificationKindsSchema,
  /** Whether the contact can receive them at all: an email address and portal access. */
  reachable: z
    .boolean()
    .describe('False when the contact has no email address or no portal access, so nothing is sent whatever the choices'),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

/** A change of some kinds; those not named stay as they are. */
export const NotificationPreferencesUpdateSchema = z.strictObject({ kinds: NotificationKindsSchema.partial() });
export type NotificationPreferencesUpdate = z.infer<typeof NotificationPreferencesUpdateSchema>;

export const UnsubscribeParamsSchema = z.object({ token: z.string().min(1).max(200) });

/** What the unsubscribe page shows: whose notifications stopped, in their language. */
export const UnsubscribedSchema = z.object({
  language: z.enum(LANGUAGES),
  firstName: z.string(),
});
export type Unsubscribed = z.infer<typeof UnsubscribedSchema>;
