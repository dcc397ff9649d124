import { z } from 'zod';
import { ACT_BASES, PLAN_STATUSES, PROJECT_STAGES, REPORT_SCHEDULES, WORK_KINDS } from '../enums.js';
import {
  CalendarDateSchema,
  CurrencySchema,
  IdSchema,
  ListQuerySchema,
  MinorAmountSchema,
  RecordMetaSchema,
  abilitiesOf,
  optionalText,
  requiredText,
} from './common.js';

const projectFields = {
  name: requiredText(200, 'project.name_required'),
  kind: z.enum(WORK_KINDS),
  stage: z.enum(PROJECT_STAGES),
  startDate: CalendarDateSchema.nullable(),
  dueDate: CalendarDateSchema.nullable(),
  budgetMinor: MinorAmountSchema.nullable(),
  currency: CurrencySchema,
  reportSchedule: z.enum(REPORT_SCHEDULES),
  /** Weekly: the weekday, 1 (Monday) to 7 (Sunday); monthly: the day of the month, 1 to 28. */
  reportDay: z
    .number({ message: 'project.report_day' })
    .int({ message: 'project.report_day' })
    .min(1, { message: 'project.report_day' })
    .max(28, { message: 'project.report_day' }),
  /** The hour in the agency's time zone, 0 to 23. */
  reportHour: z
    .number({ message: 'project.report_hour' })
    .int({ message: 'project.report_hour' })
    .min(0, { message: 'project.report_hour' })
    .max(23, { message: 'project.report_hour' }),
  /** Whether status reports show the client the budget and how much of it is used. */
  shareBudget: z.boolean(),
  actBasis: z.enum(ACT_BASES).describe('What its acts charge: hours spent by role × the role’s rate, or the milestones’ fixed prices'),
};

export const ProjectCreateSchema = z.object({
  accountId: IdSchema,
  name: projectFields.name,
  kind: projectFields.kind.default('other'),
  stage: z.enum(['brief', 'planning'], { message: 'project.start_stage' }).default('brief'),
  startDate: projectFields.startDate.optional(),
  dueDate: projectFields.dueDate.optional(),
  budgetMinor: projectFields.budgetMinor.optional(),
  currency: projectFields.currency.optional(),
  reportSchedule: projectFields.reportSchedule.default('none'),
  reportDay: projectFields.reportDay.default(1),
  reportHour: projectFields.reportHour.default(9),
  shareBudget: projectFields.shareBudget.default(false),
  actBasis: projectFields.actBasis.default('hours'),
});

export const ProjectUpdateSchema = z
  .object({
    name: projectFields.name,
    kind: projectFields.kind,
    stage: projectFields.stage,
    startDate: projectFields.startDate,
    dueDate: projectFields.dueDate,
    budgetMinor: projectFields.budgetMinor,
    currency: projectFields.currency,
    reportSchedule: projectFields.reportSchedule,
    reportDay: projectFields.reportDay,
    reportHour: projectFields.reportHour,
    shareBudget: projectFields.shareBudget,
    actBasis: projectFields.actBasis,
  })
  .partial();

export const TeamMemberSchema = z.object({ userId: z.string(), name: z.string(), role: z.string() });

export const ProjectAbilitiesSchema = abilitiesOf({
  update: 'Change the project, its stage included (PATCH)',
  delete: 'Delete the project with its plan and tasks',
  setTeam: 'Set the project team',
  submitPlan: 'Send the plan to the client for approval (it needs at least one milestone)',
  approvePlan: 'Approve the submitted plan: as the client, or on the client’s behalf with a note',
  requestPlanChanges: 'Send the submitted plan back with a comment saying what to change (POST /projects/:id/plan/request-changes)',
  addMilestone: 'Add a milestone to the plan',
  addRequirement: 'Propose a requirement',
  addTask: 'Assign a task on the project (refused while work on the account is stopped)',
  remindClient: 'Email the client’s portal contacts what waits for their approval (at most once a day)',
  sendStatusReport: 'Make a status report of a period and email it to the contacts who receive reports',
  createAct: 'Draft an act of completed work from what was delivered (POST /projects/:id/acts)',
});
export type ProjectAbilities = z.infer<typeof ProjectAbilitiesSchema>;

export const ProjectSchema = RecordMetaSchema.extend({
  accountId: z.string(),
  accountName: z.string(),
  name: z.string(),
  kind: z.enum(WORK_KINDS),
  stage: z.enum(PROJECT_STAGES),
  allowedStages: z.array(z.enum(PROJECT_STAGES)),
  startDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  late: z.boolean().describe('Past its due date in the agency’s time zone and neither delivered nor closed'),
  budgetMinor: z.number().int().nullable().describe('Null for specialists, and for client users unless shareBudget'),
  currency: z.string(),
  reportSchedule: z.enum(REPORT_SCHEDULES),
  reportDay: z.number().int(),
  reportHour: z.number().int(),
  shareBudget: z.boolean(),
  actBasis: z.enum(ACT_BASES),
  planStatus: z.enum(PLAN_STATUSES),
  planSubmittedAt: z.string().nullable(),
  planApprovedAt: z.string().nullable(),
  planApprovedById: z.string().nullable(),
  planApprovalNote: z.string().nullable(),
  team: z.array(TeamMemberSchema).describe('Empty for client users: who works on it is the agency’s business'),
  can: ProjectAbilitiesSchema,
});
export type Project = z.infer<typeof ProjectSchema>;

export const ProjectListQuerySchema = ListQuerySchema.extend({
  accountId: IdSchema.optional(),
  stage: z.enum(PROJECT_STAGES).optional(),
});

export const PlanApproveSchema = z.object({
  note: optionalText(1000),
});

export const PlanChangesRequestSchema = z.object({
  comment: requiredText(2000, 'plan.changes_comment'),
});

export const TeamSetSchema = z.object({
  members: z.array(z.object({ userId: IdSchema, role: requiredText(50) })).max(50),
});
