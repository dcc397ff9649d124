import { z } from 'zod';
import { IdSchema, ListQuerySchema } from './common.js';

/** A BCC address: mail sent to it (or copied to it) is logged on the right account's timeline. */
export const DropboxAddressSchema = z.object({
  address: z.string().describe('Put it in BCC (or forward to it): the mail is logged on the account whose contact it is with'),
});
export type DropboxAddress = z.infer<typeof DropboxAddressSchema>;

export const INBOUND_EMAIL_STATUSES = ['logged', 'unmatched', 'discarded'] as const;

export const InboundAttachmentSchema = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().describe('Bytes'),
});
export type InboundAttachment = z.infer<typeof InboundAttachmentSchema>;

export const InboundEmailSchema = z.object({
  id: z.string(),
  status: z.enum(INBOUND_EMAIL_STATUSES),
  accountId: z.string().nullable(),
  interactionId: z.string().nullable(),
  direction: z.enum(['in', 'out']).describe('`out` when a staff member sent it, `in` when someone else did'),
  from: z.object({ address: z.string(), name: z.string().nullable() }),
  recipients: z.array(z.string()).describe('The To and Cc addresses'),
  subject: z.string(),
  text: z.string().describe('The body as plain text; HTML is reduced to text, never kept for display'),
  sentAt: z.string(),
  receivedAt: z.string(),
  attachments: z.array(InboundAttachmentSchema),
});
export type InboundEmail = z.infer<typeof InboundEmailSchema>;

export const UnmatchedQuerySchema = ListQuerySchema.pick({ limit: true, cursor: true });

export const UnmatchedPageSchema = z.object({
  items: z.array(InboundEmailSchema),
  nextCursor: z.string().nullable(),
});
export type UnmatchedPage = z.infer<typeof UnmatchedPageSchema>;

export const UnmatchedFileSchema = z.object({ accountId: IdSchema });
export type UnmatchedFile = z.infer<typeof UnmatchedFileSchema>;

export const AttachmentParamsSchema = z.object({ id: IdSchema, attachmentId: IdSchema });
