import { z } from 'zod';
import { NEXT_STEP_STATES } from '../enums.js';
import { CalendarDateSchema, IdSchema, ListQuerySchema, RecordMetaSchema, requiredText } from './common.js';

const nextStepFields = {
  text: requiredText(500, 'nextStep.text_required'),
  dueDate: CalendarDateSchema.nullable(),
  ownerId: IdSchema,
};

/** A next step added on its own (one agreed in a meeting is logged with the interaction). */
export const NextStepCreateSchema = z.object({
  accountId: IdSchema,
  text: nextStepFields.text,
  dueDate: nextStepFields.dueDate.optional(),
  ownerId: nextStepFields.ownerId.optional(),
});
export type NextStepCreate = z.input<typeof NextStepCreateSchema>;

export const NextStepUpdateSchema = z.object(nextStepFields).partial();
export type NextStepUpdate = z.input<typeof NextStepUpdateSchema>;

export const NextStepSchema = RecordMetaSchema.extend({
  accountId: z.string(),
  accountName: z.string(),
  interactionId: z.string().nullable().describe('The interaction it was agreed in, if any'),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  text: z.string(),
  dueDate: z.string().nullable(),
  state: z.enum(NEXT_STEP_STATES).describe('overdue: not done and its date (in the agency’s time zone) has passed'),
  doneAt: z.string().nullable(),
  doneById: z.string().nullable(),
  /** What the caller may do with it: change its words, date and owner; mark it done or not; remove it. */
  can: z.object({ update: z.boolean(), complete: z.boolean(), remove: z.boolean() }),
});
export type NextStep = z.infer<typeof NextStepSchema>;

export const NextStepListQuerySchema = ListQuerySchema.omit({ q: true }).extend({
  /** `me` or a user id: whose next steps. */
  owner: z.union([z.literal('me'), IdSchema]).optional(),
  accountId: IdSchema.optional(),
  /** open, overdue or done; without it, every one not done yet (overdue first). */
  state: z.enum(NEXT_STEP_STATES).optional(),
});
export type NextStepListQuery = z.infer<typeof NextStepListQuerySchema>;

/** What an interaction shows of the next step agreed in it. */
export const InteractionNextStepSchema = z.object({
  id: z.string(),
  ownerId: z.string(),
  state: z.enum(NEXT_STEP_STATES),
  doneAt: z.string().nullable(),
  version: z.number().int(),
  can: z.object({ complete: z.boolean() }),
});
