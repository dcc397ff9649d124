import { z } from 'zod';
import { CalendarDateSchema, CurrencySchema, IdSchema, MinorAmountSchema, requiredText } from './common.js';

/**
 * Starting a project from catalog services: the project (stage brief) is planned from the
 * services' delivery templates, its tasks given to specialists by role.
 */

/** A catalog service to deliver, and how many of its unit were sold (hours or pieces scale the template's hours). */
export const KickoffServiceSchema = z.object({
  serviceId: IdSchema,
  quantity: z.number({ message: 'kickoff.quantity' }).gt(0, { message: 'kickoff.quantity' }).max(100_000, { message: 'kickoff.quantity' }),
});

export const KickoffPlanSchema = z.object({
  accountId: IdSchema,
  name: requiredText(200, 'project.name_required'),
  startDate: CalendarDateSchema,
  currency: CurrencySchema,
  budgetMinor: MinorAmountSchema,
  services: z.array(KickoffServiceSchema).min(1, { message: 'kickoff.no_services' }).max(100, { message: 'validation.too_many' }),
  dealId: IdSchema.nullable().optional(),
});
export type KickoffPlan = z.input<typeof KickoffPlanSchema>;

export const KickoffResultSchema = z.object({
  projectId: z.string(),
  milestones: z.number().int().describe('Milestones planned from the templates'),
  tasks: z.number().int().describe('Tasks planned from the templates'),
  unassignedRoles: z.array(z.string()).describe('Roles no active specialist has: their tasks wait for an assignee'),
});
export type KickoffResult = z.infer<typeof KickoffResultSchema>;
