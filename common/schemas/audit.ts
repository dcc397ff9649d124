import { z } from 'zod';
import { IdSchema, ListQuerySchema, TimestampSchema } from './common.js';

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  recordType: z.string(),
  recordId: z.string(),
  /** The record's name when the change was made (kept after it is deleted). */
  recordLabel: z.string().nullable(),
  /** What the values need to be read: the currency of amounts, the account and project. */
  context: z.object({ currency: z.string().optional(), accountId: z.string().optional(), projectId: z.string().optional() }),
  action: z.enum(AUDIT_ACTIONS),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditListQuerySchema = ListQuerySchema.extend({
  recordType: z.string().max(50).optional(),
  recordId: IdSchema.optional(),
  actorId: IdSchema.optional(),
  from: TimestampSchema.optional(),
  to: TimestampSchema.optional(),
});
