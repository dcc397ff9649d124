import { z } from 'zod';
import { eventKindsOf, TIMELINE_CATEGORIES, TIMELINE_EVENT_KINDS } from '../enums.js';
import { ListQuerySchema } from './common.js';
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

/** Which event kinds each kind of entry holds, for the API's description. */
const EVENT_GROUPS = TIMELINE_CATEGORIES.map((c) => `${c}: ${eventKindsOf([c]).join(', ')}`).join('; ');

export const TimelineQuerySchema = ListQuerySchema.pick({ limit: true, cursor: true }).extend({
  kinds: z
    .string()
    .transform((v) => [...new Set(v.split(',').map((k) => k.trim()))])
    .pipe(z.array(z.enum(TIMELINE_CATEGORIES)).min(1))
    .optional()
    .describe(
      `Only these kinds of entry, comma-separated; every kind when left out. conversations holds the logged interactions too; events: ${EVENT_GROUPS}`,
    ),
});
export type TimelineQuery = z.infer<typeof TimelineQuerySchema>;
