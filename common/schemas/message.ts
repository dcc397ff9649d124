import { z } from 'zod';
import { IdSchema, ListQuerySchema } from './common.js';

/**
 * Requests: one thread per client company, where its people write to their manager and the
 * agency answers; a message may be about one of the company's projects. Messages are plain
 * text: whatever markup they hold is kept and shown as the characters typed.
 */

/** The longest message, in characters (UTF-16 code units, as the browser counts them); longer ones answer 413. */
export const MESSAGE_MAX_LENGTH = 10_000;

export const MessageCreateSchema = z.object({
  accountId: IdSchema.optional().describe('The client company; required for staff, and a client user may name only their own'),
  projectId: IdSchema.optional().describe('A project of that company, when the message is about it'),
  body: z
    .string({ message: 'message.body_required' })
    .trim()
    .min(1, { message: 'message.body_required' })
    .describe(`Plain text, at most ${MESSAGE_MAX_LENGTH} characters (413 when longer); markup is kept as text, never rendered`),
});
export type MessageCreate = z.input<typeof MessageCreateSchema>;

export const MessageListQuerySchema = ListQuerySchema.omit({ q: true }).extend({
  accountId: IdSchema.optional().describe('The client company; required for staff, a client user reads only their own'),
  projectId: IdSchema.optional().describe('Only the messages about this project of the company'),
});
export type MessageListQuery = z.infer<typeof MessageListQuerySchema>;

export const MessageSchema = z.object({
  id: IdSchema,
  accountId: IdSchema,
  projectId: IdSchema.nullable(),
  projectName: z.string().nullable(),
  author: z
    .object({
      id: IdSchema.nullable().describe('Null when the author’s user no longer exists'),
      name: z.string().nullable(),
      fromClient: z.boolean().describe('Written by one of the client’s people rather than by the agency'),
    })
    .describe('Who wrote it'),
  body: z.string(),
  createdAt: z.string(),
});
export type Message = z.infer<typeof MessageSchema>;
