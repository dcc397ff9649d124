import { z } from 'zod';
import { PLAN_STATUSES, PROJECT_STAGES } from '../enums.js';
import { IdSchema } from './common.js';
import { TaskSchema } from './task.js';

export const DeliveryReportQuerySchema = z.object({ ownerId: IdSchema.optional() });

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
});

export const DeliveryReportSchema = z.object({
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

export const PortfolioQuerySchema = z.object({ managerId: IdSchema.optional() });
export const PortfolioProjectSchema = z.object({
  projectId: z.string(),
  name: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  stage: z.enum(PROJECT_STAGES),
  planStatus: z.enum(PLAN_STATUSES),
  dueDate: z.string().nullable(),
  nextMilestone: z.object({ id: z.string(), title: z.string(), dueDate: z.string() }).nullable(),
  lateTasks: z.number(),
  blockedTasks: z.number(),
  openTasks: z.number(),
  spentHours: z.number(),
  budgetMinor: z.number().nullable(),
  budgetUsedMinor: z.number(),
  currency: z.string(),
});
export const PortfolioReportSchema = z.object({
  managerId: z.string(),
  today: z.string(),
  stages: z.array(z.object({ stage: z.enum(PROJECT_STAGES), projects: z.array(PortfolioProjectSchema) })),
});

export const DeliverySettingsBodySchema = z.object({
  specialistRoles: z.array(z.string().trim().min(1).max(50)).min(1).max(50),
  roleRates: z.record(z.string(), z.number().int({ message: 'task.rates' }).min(0, { message: 'task.rates' })),
});
