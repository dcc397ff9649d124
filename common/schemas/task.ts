import { z } from 'zod';
import { TASK_STATUSES, WORK_KINDS } from '../enums.js';
import { AuditEntrySchema } from './audit.js';
import {
  CalendarDateSchema,
  IdSchema,
  ListQuerySchema,
  RecordMetaSchema,
  abilitiesOf,
  optionalText,
  pageOf,
  requiredText,
} from './common.js';

const hours = () => z.number({ message: 'task.hours' }).min(0, { message: 'task.hours' }).max(10_000, { message: 'task.hours' });

const taskFields = {
  title: requiredText(300, 'task.title_required'),
  assigneeId: IdSchema.nullable(),
  role: z.string().trim().min(1).max(50).nullable(),
  status: z.enum(TASK_STATUSES),
  blockedReason: optionalText(1000),
  dueDate: CalendarDateSchema.nullable(),
  estimateHours: hours(),
  spentHours: hours(),
  milestoneId: IdSchema.nullable(),
};

export const TaskCreateSchema = z.object({
  projectId: IdSchema,
  title: taskFields.title,
  assigneeId: taskFields.assigneeId.optional(),
  role: taskFields.role.optional(),
  status: taskFields.status.default('todo'),
  blockedReason: taskFields.blockedReason,
  dueDate: taskFields.dueDate.optional(),
  estimateHours: taskFields.estimateHours.default(0),
  spentHours: taskFields.spentHours.default(0),
  milestoneId: taskFields.milestoneId.optional(),
});
export const TaskUpdateSchema = z
  .object({
    ...taskFields,
    /** The day it was done, when marked done later than that (never in the future); defaults to today. */
    doneOn: CalendarDateSchema,
  })
  .partial();

export const TaskAbilitiesSchema = abilitiesOf({
  update: 'Change anything on the task (PATCH)',
  updateProgress: 'Change its status, time spent and block reason (PATCH with those fields only)',
  delete: 'Delete the task',
  comment: 'Comment on the task',
});
export type TaskAbilities = z.infer<typeof TaskAbilitiesSchema>;

export const TaskSchema = RecordMetaSchema.extend({
  projectId: z.string(),
  projectName: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  title: z.string(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  role: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  blockedReason: z.string().nullable(),
  dueDate: z.string().nullable(),
  late: z.boolean().describe('Not done and past its due date in the agency’s time zone'),
  estimateHours: z.number(),
  spentHours: z.number(),
  doneOn: z.string().nullable().describe('The day it was done, in the agency’s time zone; acts for a period take the tasks done in it'),
  milestoneId: z.string().nullable(),
  milestoneTitle: z.string().nullable(),
  can: TaskAbilitiesSchema,
});
export type Task = z.infer<typeof TaskSchema>;

/** What the task's work costs the agency: hours at its role's hourly rate in the project's currency (never another's). */
export const TaskCostSchema = z.object({
  currency: z.string().describe('The project’s currency'),
  pricedAs: z.string().describe('The role whose rates price the task: its own, or "other" when the rate table has no row for it'),
  hourlyRateMinor: z.number().int().nullable().describe('That role’s rate in the project’s currency; null when the table has none'),
  spentMinor: z.number().int().nullable().describe('Time spent × the rate; null without a rate'),
  estimateMinor: z.number().int().nullable().describe('The estimate × the rate; null without a rate'),
});
export type TaskCost = z.infer<typeof TaskCostSchema>;

/** One task read on its own: the list's fields and, for those who see money, its cost. */
export const TaskDetailSchema = TaskSchema.extend({
  cost: TaskCostSchema.nullable().describe('Null for those who may not see rates and budgets (specialists)'),
});
export type TaskDetail = z.infer<typeof TaskDetailSchema>;

/** Orders of the task list. */
export const TASK_SORTS = ['newest', 'status', 'due'] as const;

export const TaskListQuerySchema = ListQuerySchema.extend({
  projectId: IdSchema.optional(),
  accountId: IdSchema.optional(),
  assigneeId: z.union([IdSchema, z.literal('me')]).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  open: z.enum(['true', 'false']).optional(),
  sort: z
    .enum(TASK_SORTS)
    .default('newest')
    .describe(
      'newest: newest first; status: open work first (blocked, in progress, review, to do, then done), each by due date; due: by due date. Undated tasks come last.',
    ),
});

/** A task's history: who changed what and when, newest first. */
export const TaskHistoryPageSchema = pageOf(AuditEntrySchema);
export const TaskHistoryQuerySchema = ListQuerySchema.omit({ q: true });

export const TaskCommentCreateSchema = z.object({ body: requiredText(4000, 'task.comment_required') });
export const TaskCommentSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});

export const BriefQuestionSchema = z.object({ id: z.string().min(1).max(50), text: requiredText(500) });
const BriefQuestionsSchema = z.array(BriefQuestionSchema).max(100);
const EditedQuestionsSchema = z.array(BriefQuestionSchema).min(1).max(100);
export const BriefTemplateSchema = z.object({
  kind: z.enum(WORK_KINDS),
  questions: BriefQuestionsSchema.describe('The English questions, as before templates had languages; see questionsByLanguage'),
  questionsByLanguage: z
    .object({ en: BriefQuestionsSchema, ru: BriefQuestionsSchema })
    .describe('The questions a new project starts with, in the language of its account'),
  updatedAt: z.string().nullable().describe('When an admin last saved this kind of work, in any language'),
});
/** Either language or both; `questions` alone still edits the English questionnaire. */
export const BriefTemplateUpdateSchema = z
  .object({
    questions: EditedQuestionsSchema.optional().describe('The English questions (as before templates had languages)'),
    questionsByLanguage: z.object({ en: EditedQuestionsSchema.optional(), ru: EditedQuestionsSchema.optional() }).optional(),
  })
  .refine((b) => !!(b.questions || b.questionsByLanguage?.en || b.questionsByLanguage?.ru), {
    message: 'brief.questions_required',
    path: ['questionsByLanguage'],
  })
  .refine((b) => !(b.questions && b.questionsByLanguage?.en), { message: 'brief.questions_twice', path: ['questions'] });
export const BriefAbilitiesSchema = abilitiesOf({
  answer: 'Answer its questions: as the client, or as the account’s manager (answers are drafts until the brief is submitted)',
  submit: 'Send the brief as complete (POST /projects/:id/brief/submit): every question answered, not submitted yet',
});
export type BriefAbilities = z.infer<typeof BriefAbilitiesSchema>;

export const BriefSchema = z.object({
  projectId: z.string(),
  kind: z.enum(WORK_KINDS),
  questions: z.array(
    BriefQuestionSchema.extend({
      answer: z.string().nullable(),
      answeredById: z.string().nullable(),
      answeredByName: z.string().nullable(),
      answeredAt: z.string().nullable(),
    }),
  ),
  missing: z.array(z.string()),
  submittedAt: z.string().nullable().describe('When the brief was sent as complete; null while its answers are drafts'),
  submittedById: z.string().nullable(),
  can: BriefAbilitiesSchema,
});
export const BriefAnswersSchema = z.object({
  answers: z
    .array(z.object({ questionId: z.string().min(1).max(50), answer: requiredText(4000, 'brief.answer_required') }))
    .min(1)
    .max(100),
});
