import { z } from 'zod';
import { ListQuerySchema } from './common.js';

/**
 * What a staff member is told of, each of which they may turn off in the bell and in the morning
 * digest: `agenda` (an item of high or critical urgency on their Today; in the digest, what is
 * overdue or due today), `client_message` (a client wrote on an account they manage),
 * `assignment` (a task or an account given to them), `integration` (for admins: a webhook turned off).
 */
export const STAFF_NOTICE_KINDS = ['agenda', 'client_message', 'assignment', 'integration'] as const;
export type StaffNoticeKind = (typeof STAFF_NOTICE_KINDS)[number];

export const InboxNoticeSchema = z.object({
  id: z.string(),
  kind: z.enum(STAFF_NOTICE_KINDS),
  text: z.string().describe('What happened, in the reader’s language'),
  account: z.object({ id: z.string(), name: z.string() }).nullable(),
  path: z.string().describe('Where the web app opens its record'),
  createdAt: z.string(),
  read: z.boolean(),
});
export type InboxNotice = z.infer<typeof InboxNoticeSchema>;

export const InboxQuerySchema = ListQuerySchema.pick({ limit: true, cursor: true }).extend({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Only the unread notices'),
});

export const InboxPageSchema = z.object({
  items: z.array(InboxNoticeSchema),
  nextCursor: z.string().nullable(),
  unread: z.number().int().describe('How many notices are unread in all'),
});
export type InboxPage = z.infer<typeof InboxPageSchema>;

export const UnreadCountSchema = z.object({ unread: z.number().int() });

const kindFlags = z.strictObject(
  Object.fromEntries(STAFF_NOTICE_KINDS.map((k) => [k, z.boolean()])) as Record<StaffNoticeKind, z.ZodBoolean>,
);

/** A valid IANA time zone name (Europe/Moscow). */
const TimeZoneSchema = z
  .string()
  .max(100)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'validation.time_zone');

export const StaffNotificationPreferencesSchema = z.object({
  inApp: kindFlags.describe('Per kind: shown in the bell'),
  digest: kindFlags.describe('Per kind: included in the morning digest email'),
  digestHour: z.number().int().min(0).max(23).describe('The hour of the morning digest in `timeZone` (default 8)'),
  timeZone: z.string().nullable().describe('Your time zone (IANA); null for the agency’s'),
  effectiveTimeZone: z.string().describe('The zone the digest hour is read in'),
});
export type StaffNotificationPreferences = z.infer<typeof StaffNotificationPreferencesSchema>;

/** A change of some choices; those not named stay as they are. */
export const StaffNotificationPreferencesUpdateSchema = z.strictObject({
  inApp: kindFlags.partial().optional(),
  digest: kindFlags.partial().optional(),
  digestHour: z.number().int().min(0).max(23).optional(),
  timeZone: TimeZoneSchema.nullable().optional(),
});
export type StaffNotificationPreferencesUpdate = z.infer<typeof StaffNotificationPreferencesUpdateSchema>;
