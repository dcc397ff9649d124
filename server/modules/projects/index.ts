import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AccountService } from '../accounts/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { TimelineLog } from '../timeline/index.js';
import type { UserService } from '../users/index.js';
import { briefTemplateRoutes } from './brief-template.routes.js';
import { BriefTemplateService } from './brief-template.service.js';
import { projectRoutes } from './project.routes.js';
import { ProjectService } from './project.service.js';
import { projectSearch } from './project.search.js';

export type { ProjectService, NewProject, ProjectOrigin, ProjectStageListener } from './project.service.js';
export type { ProjectRow } from './project.presenter.js';
export type { BriefQuestion } from './brief-template.service.js';
export { isMilestoneLate, isProjectLate, isTaskLate } from './lateness.js';

/** Projects of an account moving through their stages, their team, and the brief questionnaires they start from. */
export function createProjectsModule(
  ctx: ModuleContext,
  deps: { accounts: AccountService; users: UserService; timeline: TimelineLog; calendar: AgencyCalendar },
) {
  const briefTemplates = new BriefTemplateService(ctx.db, ctx.clock);
  const projects = new ProjectService(ctx.db, ctx.clock, deps.accounts, deps.users, deps.timeline, briefTemplates, deps.calendar);
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(projectRoutes(projects));
    await app.register(briefTemplateRoutes(briefTemplates));
  };
  return defineModule({
    search: [projectSearch(ctx.db)],
    projects,
    briefTemplates,
    routes,
    timelineEvents: ['project_created', 'stage_changed'],
  });
}
