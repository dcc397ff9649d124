import { z } from 'zod';
import { TASK_STATUSES, WORK_KINDS } from '../enums.js';
import { CalendarDateSchema, IdSchema, ListQuerySchema, RecordMetaSchema, optionalText, requiredText } from './common.js';

const hours = (what: string) =>
  z
    .number({ message: `${what} is a number of hours` })
    .min(0, { message: `${what} cannot be negative` })
    .max(10_000, { message: `${what} is at most 10000 hours` });

const taskFields = {
  title: requiredText(300, 'Enter the task title'),
  assigneeId: IdSchema.nullable(),
  role: z.string().trim().min(1).max(50).nullable(),
  status: z.enum(TASK_STATUSES, { message: `Status is one of: ${TASK_STATUSES.join(', ')}` }),
  blockedReason: optionalText(1000),
  dueDate: CalendarDateSchema.nullable(),
  estimateHours: hours('Estimate'),
  spentHours: hours('Spent time'),
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
export const TaskUpdateSchema = z.object(taskFields).partial();

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
  estimateHours: z.number(),
  spentHours: z.number(),
  milestoneId: z.string().nullable(),
});
export type Task = z.infer<typeof TaskSchema>;

export const TaskListQuerySchema = ListQuerySchema.extend({
  projectId: IdSchema.optional(),
  accountId: IdSchema.optional(),
  assigneeId: z.union([IdSchema, z.literal('me')]).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  open: z.enum(['true', 'false']).optional(),
});

export const TaskCommentCreateSchema = z.object({ body: requiredText(4000, 'Write a comment') });
export const TaskCommentSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});

export const BriefQuestionSchema = z.object({ id: z.string().min(1).max(50), text: requiredText(500) });
export const BriefTemplateSchema = z.object({
  kind: z.enum(WORK_KINDS),
  questions: z.array(BriefQuestionSchema).max(100),
  updatedAt: z.string().nullable(),
});
export const BriefTemplateUpdateSchema = z.object({ questions: z.array(BriefQuestionSchema).min(1).max(100) });
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
});
export const BriefAnswersSchema = z.object({
  answers: z
    .array(z.object({ questionId: z.string().min(1).max(50), answer: requiredText(4000, 'Write an answer') }))
    .min(1)
    .max(100),
});
