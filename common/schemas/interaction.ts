import { z } from 'zod';
import { INTERACTION_TYPES } from '../enums.js';
import { DealAdvanceSchema, DealFieldsSchema } from './deal.js';
import { InteractionNextStepSchema } from './next-step.js';
import {
  CalendarDateSchema,
  IdSchema,
  ListQuerySchema,
  RecordMetaSchema,
  TimestampSchema,
  abilitiesOf,
  optionalText,
  requiredText,
} from './common.js';

const interactionFields = {
  type: z.enum(INTERACTION_TYPES),
  occurredAt: TimestampSchema,
  summary: requiredText(2000, 'interaction.summary_required'),
  outcome: optionalText(2000),
  nextStep: optionalText(500),
  nextStepDue: CalendarDateSchema.nullable().optional(),
  /** Who owns the next step; the person logging by default. */
  nextStepOwnerId: IdSchema.optional(),
  contactIds: z.array(IdSchema).max(50).optional(),
  dealId: IdSchema.nullable().optional(),
  projectId: IdSchema.nullable().optional(),
};

export const InteractionCreateSchema = z.object({
  accountId: IdSchema,
  ...interactionFields,
  /** Opens a deal on the account in the same transaction, linked to the interaction. */
  createDeal: DealFieldsSchema.optional(),
  /** What the meeting did to an open deal of the account (its new next step, a new stage), in the same transaction. */
  advanceDeal: DealAdvanceSchema.optional(),
});
export type InteractionCreate = z.input<typeof InteractionCreateSchema>;

export const InteractionUpdateSchema = z.object(interactionFields).partial();
export type InteractionUpdate = z.input<typeof InteractionUpdateSchema>;

export const InteractionAbilitiesSchema = abilitiesOf({
  update: 'Change the interaction (PATCH)',
  delete: 'Delete the interaction',
});
export type InteractionAbilities = z.infer<typeof InteractionAbilitiesSchema>;

export const InteractionSchema = RecordMetaSchema.extend({
  accountId: z.string(),
  type: z.enum(INTERACTION_TYPES),
  occurredAt: z.string(),
  summary: z.string(),
  outcome: z.string().nullable(),
  nextStep: z.string().nullable(),
  nextStepDue: z.string().nullable(),
  /** The tracked next step agreed in this interaction (null when none was). */
  nextStepTracking: InteractionNextStepSchema.nullable(),
  contactIds: z.array(z.string()),
  dealId: z.string().nullable(),
  projectId: z.string().nullable(),
  authorId: z.string().nullable(),
  can: InteractionAbilitiesSchema,
});
export type Interaction = z.infer<typeof InteractionSchema>;

export const InteractionListQuerySchema = ListQuerySchema.extend({
  accountId: IdSchema.optional(),
  contactId: IdSchema.optional(),
  type: z.enum(INTERACTION_TYPES).optional(),
  from: TimestampSchema.optional(),
  to: TimestampSchema.optional(),
});
export type InteractionListQuery = z.infer<typeof InteractionListQuerySchema>;
