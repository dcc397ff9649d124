import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.js';

/** What global search finds, in the order its groups are shown when they rank alike. */
export const SEARCH_KINDS = ['account', 'contact', 'project', 'task', 'document', 'invoice', 'deal', 'claim'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SearchQuerySchema = z.object({
  q: z.string().max(200, { message: 'validation.too_long' }).default('').describe('Words or their beginnings; empty: your recent records'),
  limit: z.coerce.number().int().min(1).max(20).default(5).describe('At most this many records of each kind'),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const SearchItemSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: IdSchema,
  title: z.string(),
  subtitle: z.string().nullable().describe('The account, project or e-mail the record is known by'),
  accountId: IdSchema.nullable(),
  updatedAt: TimestampSchema,
});
export type SearchItem = z.infer<typeof SearchItemSchema>;

export const SearchResultSchema = z.object({
  query: z.string(),
  groups: z
    .array(z.object({ kind: z.enum(SEARCH_KINDS), items: z.array(SearchItemSchema) }))
    .describe(
      'Records by kind; the group with the best match first, its records best first (exact word, then word beginning; title before other fields; recent first)',
    ),
  recent: z.array(SearchItemSchema).describe('With an empty query: the records you changed lately, latest first'),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;
