import { taskAgenda } from './task.agenda.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { defineModule, type ModuleContext } from '../module.js';
import type { MilestoneService } from '../plans/index.js';
import type { ProjectService } from '../projects/index.js';
import type { AgencyCalendar, SettingsService } from '../settings/index.js';
import type { UserService } from '../users/index.js';
import { roleSettingsRoutes } from './role.routes.js';
import { RoleSettingsService } from './role.settings.js';
import { TaskCommentService } from './task-comment.service.js';
import { taskRoutes } from './task.routes.js';
import { TaskService } from './task.service.js';
import { taskHealthByAccount } from './task.health.js';
import { taskSearch } from './task.search.js';
import { taskCalendar } from './task.calendar.js';
export type { TaskHealthFacts } from './task.health.js';

export type { TaskService, WorkGuard, NewTask } from './task.service.js';
export type { RoleSettingsService, DeliverySettings } from './role.settings.js';
export { DEFAULT_RATES } from './role.settings.js';
export { costOfHours, rateFor, type HoursCost, type RoleRates } from './role-rates.js';

/** Specialists' tasks by role, their comments, and the specialist roles with their hourly rates. */
export function createTasksModule(
  ctx: ModuleContext,
  deps: {
    projects: ProjectService;
    milestones: MilestoneService;
    users: UserService;
    settings: SettingsService;
    calendar: AgencyCalendar;
  },
  opts: { defaultCurrency: string },
) {
  const roles = new RoleSettingsService(ctx.db, deps.settings, ctx.clock, deps.projects, opts.defaultCurrency);
  const tasks = new TaskService(ctx.db, ctx.clock, deps.projects, deps.milestones, deps.users, roles, deps.calendar);
  const comments = new TaskCommentService(ctx.db, ctx.clock, tasks, deps.users);
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(taskRoutes(tasks, comments));
    await app.register(roleSettingsRoutes(roles));
  };
  return defineModule({
    tasks,
    taskComments: comments,
    roles,
    /** Open, late and blocked tasks of one account or all (account health). */
    taskHealth: { byAccount: taskHealthByAccount },
    routes,
    feeds: [taskCalendar(ctx.db)],
    search: [taskSearch(ctx.db)],
    agenda: [taskAgenda(ctx.db)],
  });
}
