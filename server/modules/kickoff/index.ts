import type { AccountService } from '../accounts/index.js';
import type { CatalogService } from '../catalog/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { MilestoneService } from '../plans/index.js';
import type { ProjectService } from '../projects/index.js';
import type { TaskService } from '../tasks/index.js';
import { KickoffService } from './kickoff.service.js';

export type { KickoffService } from './kickoff.service.js';
export { SCALED_UNITS } from './kickoff.plan.js';

/**
 * Kickoff: a project started from catalog services, planned from their delivery templates
 * (milestones dated from the start, tasks given to specialists by role). Its face:
 * `kickoff.startIn(t, actor, plan)` in the caller's transaction (an accepted proposal becomes a
 * project), `kickoff.start(actor, plan)` in its own.
 */
export function createKickoffModule(
  ctx: ModuleContext,
  deps: {
    accounts: AccountService;
    catalog: CatalogService;
    projects: ProjectService;
    milestones: MilestoneService;
    tasks: TaskService;
  },
) {
  const kickoff = new KickoffService(ctx.db, ctx.clock, deps.accounts, deps.catalog, deps.projects, deps.milestones, deps.tasks);
  return defineModule({ kickoff });
}
