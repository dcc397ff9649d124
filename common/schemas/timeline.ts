import { z } from 'zod';
import { TIMELINE_EVENT_KINDS } from '../enums.js';
import { InteractionSchema } from './interaction.js';

/** One entry of an account's timeline: a logged interaction or something the system did. */
export const TimelineEntrySchema = z.discriminatedUnion('entryType', [
  z.object({
    entryType: z.literal('interaction'),
    id: z.string(),
    occurredAt: z.string(),
    interaction: InteractionSchema,
  }),
  z.object({
    entryType: z.literal('event'),
    id: z.string(),
    occurredAt: z.string(),
    kind: z.enum(TIMELINE_EVENT_KINDS),
    actorId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
