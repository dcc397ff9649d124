import { z } from 'zod';
import { MILESTONE_STATUSES, REQUIREMENT_PARTIES, REQUIREMENT_STATUSES } from '../enums.js';
import { CalendarDateSchema, IdSchema, MinorAmountSchema, RecordMetaSchema, abilitiesOf, optionalText, requiredText } from './common.js';

export const MilestoneCreateSchema = z.object({
  projectId: IdSchema,
  title: requiredText(200, 'milestone.title_required'),
  dueDate: CalendarDateSchema,
  status: z.enum(MILESTONE_STATUSES).default('planned'),
  /** Its fixed price in the project's currency, charged by acts of a project priced by milestones. */
  priceMinor: MinorAmountSchema.nullable().optional(),
});
export const MilestoneUpdateSchema = MilestoneCreateSchema.omit({ projectId: true })
  .extend({
    /** The day it was done, when marked done later than that (never in the future); defaults to today. */
    doneOn: CalendarDateSchema,
  })
  .partial();

export const MilestoneAbilitiesSchema = abilitiesOf({
  update: 'Change the milestone (reopens an approved plan)',
  delete: 'Delete the milestone (reopens an approved plan)',
});
export type MilestoneAbilities = z.infer<typeof MilestoneAbilitiesSchema>;

export const MilestoneSchema = RecordMetaSchema.extend({
  projectId: z.string(),
  title: z.string(),
  dueDate: z.string(),
  status: z.enum(MILESTONE_STATUSES),
  late: z.boolean().describe('Not done and past its due date in the agency’s time zone'),
  clientApprovedAt: z.string().nullable(),
  priceMinor: z.number().int().nullable().describe('Shown to those who see the project’s money'),
  doneOn: z.string().nullable().describe('The day it was marked done, in the agency’s time zone'),
  can: MilestoneAbilitiesSchema,
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const RequirementCreateSchema = z.object({
  projectId: IdSchema,
  party: z.enum(REQUIREMENT_PARTIES),
  text: requiredText(4000, 'requirement.text_required'),
});
export const RequirementUpdateSchema = z.object({
  text: requiredText(4000, 'requirement.text_required').optional(),
  party: z.enum(REQUIREMENT_PARTIES).optional(),
  note: optionalText(1000),
});
export const RequirementDecisionSchema = z.object({ note: optionalText(1000) });

export const RequirementHistoryEntrySchema = z.object({
  text: z.string(),
  status: z.enum(REQUIREMENT_STATUSES),
  changedById: z.string().nullable(),
  changedAt: z.string(),
  note: z.string().nullable(),
});

export const RequirementAbilitiesSchema = abilitiesOf({
  update: 'Change the text or party (an agreed requirement becomes a change request)',
  delete: 'Delete the requirement (never an agreed one)',
  agree: 'Record that the client agreed it: as the client, or on the client’s behalf with a note',
  reject: 'Record that the client rejected it: as the client, or on the client’s behalf with a note',
});
export type RequirementAbilities = z.infer<typeof RequirementAbilitiesSchema>;

export const RequirementSchema = RecordMetaSchema.extend({
  projectId: z.string(),
  party: z.enum(REQUIREMENT_PARTIES),
  text: z.string(),
  status: z.enum(REQUIREMENT_STATUSES),
  agreedById: z.string().nullable(),
  agreedAt: z.string().nullable(),
  history: z.array(RequirementHistoryEntrySchema),
  can: RequirementAbilitiesSchema,
});
export type Requirement = z.infer<typeof RequirementSchema>;

export const ProjectChildQuerySchema = z.object({ projectId: IdSchema });

/** A reminder sent to the client about what waits for their approval in a project. */
export const ClientReminderSchema = z.object({
  emailId: z.string(),
  to: z.array(z.string()).describe('The portal contacts it went to'),
  plan: z.boolean().describe('Whether the work plan waits for approval'),
  requirements: z.number().int().describe('How many requirements wait for agreement'),
});
export type ClientReminder = z.infer<typeof ClientReminderSchema>;
