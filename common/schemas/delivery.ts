import { z } from 'zod';
import { PLAN_STATUSES, PROJECT_STAGES, REPORT_SCOPES } from '../enums.js';
import { CurrencySchema, IdSchema } from './common.js';
import { TaskSchema } from './task.js';

/** Which projects the delivery report and the portfolio cover: the same for both. */
export const ReportScopeQuerySchema = z.object({
  scope: z
    .enum(REPORT_SCOPES)
    .optional()
    .describe(
      'mine: the accounts you own; all: every account you can see. By default an account manager’s own, everyone else’s all. Only account managers and admins have a “mine”.',
    ),
  ownerId: IdSchema.optional().describe('Only the accounts this person owns, among all you can see (not with scope=mine)'),
});
/** The scope a report was answered for. */
const ReportScopeFields = {
  scope: z.enum(REPORT_SCOPES),
  ownerId: z.string().nullable(),
};

export const DeliveryReportQuerySchema = ReportScopeQuerySchema;

export const MilestoneAtRiskSchema = z.object({
  id: z.string(),
  title: z.string(),
  dueDate: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  accountName: z.string(),
  remainingHours: z.number(),
  hoursLeft: z.number(),
  openTasks: z.number(),
  late: z.boolean().describe('Past its due date in the agency’s time zone'),
});

export const DeliveryReportSchema = z.object({
  ...ReportScopeFields,
  today: z.string(),
  lateTasks: z.array(TaskSchema),
  blockedTasks: z.array(TaskSchema),
  milestonesAtRisk: z.array(MilestoneAtRiskSchema),
});

export const WorkloadQuerySchema = z.object({ weeks: z.coerce.number().int().min(1).max(12).default(4) });
export const WorkloadReportSchema = z.object({
  weekStarts: z.array(z.string()),
  specialists: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      specialties: z.array(z.string()),
      capacityHours: z.number(),
      weeks: z.array(z.object({ weekStart: z.string(), hours: z.number(), tasks: z.number(), overloaded: z.boolean() })),
    }),
  ),
});

export const PortfolioQuerySchema = ReportScopeQuerySchema;
export const PortfolioProjectSchema = z.object({
  projectId: z.string(),
  name: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  stage: z.enum(PROJECT_STAGES),
  planStatus: z.enum(PLAN_STATUSES),
  dueDate: z.string().nullable(),
  late: z.boolean().describe('Past its due date in the agency’s time zone and neither delivered nor closed'),
  nextMilestone: z
    .object({ id: z.string(), title: z.string(), dueDate: z.string(), late: z.boolean() })
    .nullable()
    .describe('The earliest milestone not done'),
  lateTasks: z.number(),
  blockedTasks: z.number(),
  openTasks: z.number(),
  spentHours: z.number(),
  budgetMinor: z.number().nullable(),
  budgetUsedMinor: z
    .number()
    .nullable()
    .describe('Hours spent × each role’s rate in the project’s currency; null when a role with hours has no rate in it'),
  missingRates: z.array(z.string()).describe('Roles with hours spent but no hourly rate in the project’s currency'),
  currency: z.string(),
});
/** Most projects the portfolio shows at once; narrow it to an account manager to see theirs. */
export const PORTFOLIO_MAX_PROJECTS = 500;
export const PortfolioReportSchema = z.object({
  ...ReportScopeFields,
  today: z.string(),
  truncated: z.boolean().describe(`More than ${PORTFOLIO_MAX_PROJECTS} projects are in scope; the first by name are shown`),
  stages: z.array(z.object({ stage: z.enum(PROJECT_STAGES), projects: z.array(PortfolioProjectSchema) })),
});

/** An hourly rate in minor units of its currency. */
const RateSchema = z.number({ message: 'task.rates' }).int({ message: 'task.rates' }).min(0, { message: 'task.rates' });

export const DeliverySettingsBodySchema = z.object({
  specialistRoles: z.array(z.string().trim().min(1).max(50)).min(1).max(50),
  roleRates: z
    .record(z.string(), z.record(CurrencySchema, RateSchema))
    .describe('Hourly rate per role and currency (ISO 4217), in minor units: { "seo": { "EUR": 6000, "RUB": 450000 } }'),
});
export const DeliverySettingsSchema = DeliverySettingsBodySchema.extend({
  currencies: z.array(z.string()).describe('Currencies in use (the default one first, then those of accounts, projects and rates)'),
});
