import { z } from 'zod';
import { OBJECTION_RESULTS } from '../enums.js';
import { abilitiesOf, IdSchema, ListQuerySchema, optionalText, RecordMetaSchema, requiredText } from './common.js';
import { LostReasonSchema } from './deal.js';

/** A category is configured like a deal's lost reason: a key (fixed once objections use it) and a name per language. */
export const ObjectionCategorySchema = LostReasonSchema;
export type ObjectionCategory = z.infer<typeof ObjectionCategorySchema>;
const CategoryKeySchema = ObjectionCategorySchema.shape.key;

/** A playbook answer's id: the hash of its normalised words (see the playbook's rule). */
const AnswerIdSchema = z.string().regex(/^[0-9a-f]{32}$/, { message: 'objection.unknown_answer' });

export const ObjectionCreateSchema = z.object({
  dealId: IdSchema,
  /** The meeting it was raised in: an interaction of the deal's account. */
  interactionId: IdSchema.optional(),
  category: CategoryKeySchema,
  /** The client's words. */
  text: requiredText(2000, 'objection.text_required'),
  /** The answer given. */
  response: optionalText(2000),
  result: z.enum(OBJECTION_RESULTS).default('open'),
  /** The playbook answer the response was picked from (it counts for that answer even if reworded). */
  playbookAnswerId: AnswerIdSchema.optional(),
});
export type ObjectionCreate = z.input<typeof ObjectionCreateSchema>;

/** Changes to an objection; its deal stays. */
export const ObjectionUpdateSchema = z
  .object({
    interactionId: IdSchema.nullable(),
    category: CategoryKeySchema,
    text: ObjectionCreateSchema.shape.text,
    response: optionalText(2000),
    result: z.enum(OBJECTION_RESULTS),
    playbookAnswerId: AnswerIdSchema.nullable(),
  })
  .partial();
export type ObjectionUpdate = z.input<typeof ObjectionUpdateSchema>;

export const ObjectionAbilitiesSchema = abilitiesOf({ update: 'Change the objection (PATCH)', delete: 'Delete the objection' });

export const ObjectionSchema = RecordMetaSchema.extend({
  dealId: z.string(),
  dealTitle: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  interactionId: z.string().nullable(),
  category: z.string(),
  text: z.string(),
  response: z.string().nullable(),
  result: z.enum(OBJECTION_RESULTS),
  /** The playbook answer this response counts for: the one it was picked from, or its own words'. */
  playbookAnswerId: z.string().nullable(),
  createdById: z.string().nullable(),
  can: ObjectionAbilitiesSchema,
});
export type Objection = z.infer<typeof ObjectionSchema>;

export const ObjectionListQuerySchema = ListQuerySchema.omit({ q: true }).extend({
  dealId: IdSchema.optional(),
  accountId: IdSchema.optional(),
  category: CategoryKeySchema.optional(),
  result: z.enum(OBJECTION_RESULTS).optional(),
});
export type ObjectionListQuery = z.infer<typeof ObjectionListQuerySchema>;

/** The categories objections are sorted into, in the order forms offer them. */
export const ObjectionSettingsSchema = z.object({
  categories: z
    .array(ObjectionCategorySchema)
    .min(1, { message: 'objection.categories_required' })
    .max(50)
    .refine((c) => new Set(c.map((x) => x.key)).size === c.length, { message: 'objection.categories_unique' }),
});
export type ObjectionSettings = z.infer<typeof ObjectionSettingsSchema>;

export const PlaybookQuerySchema = z.object({
  category: CategoryKeySchema,
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

/** One distinct answer of a category with how the deals it was given on ended. */
export const PlaybookAnswerSchema = z.object({
  id: z.string().describe('The answer’s id: send it as `playbookAnswerId` when the response is picked from the playbook'),
  response: z.string().describe('Its words as last given (the pinned words for a pinned answer)'),
  pinned: z.boolean(),
  won: z.number().int().describe('Of `closed`, the objections whose deal was won'),
  closed: z.number().int().describe('Objections with this answer whose deal is closed (won or lost); open deals do not count'),
  uses: z.number().int().describe('Every objection with this answer, open deals included'),
  score: z.number().describe('Wilson score lower bound (95%) of won / closed; 0 when none closed'),
  lastUsedAt: z.string().nullable(),
});
export type PlaybookAnswer = z.infer<typeof PlaybookAnswerSchema>;

export const PlaybookSchema = z.object({ category: z.string(), items: z.array(PlaybookAnswerSchema) });
export type Playbook = z.infer<typeof PlaybookSchema>;

export const PlaybookPinSchema = z.object({ response: requiredText(2000, 'objection.pin_required') });
export type PlaybookPin = z.input<typeof PlaybookPinSchema>;

export const CategoryParamsSchema = z.object({ category: CategoryKeySchema });

/** A category's frequency and how the deals that met it ended. */
export const ObjectionCategoryStatsSchema = z.object({
  category: z.string(),
  objections: z.number().int(),
  deals: z.number().int().describe('Deals with at least one objection of this category'),
  closedDeals: z.number().int().describe('Of those, closed (won or lost)'),
  wonDeals: z.number().int().describe('Of the closed, won: the win rate after this objection is wonDeals / closedDeals'),
});
export type ObjectionCategoryStats = z.infer<typeof ObjectionCategoryStatsSchema>;
