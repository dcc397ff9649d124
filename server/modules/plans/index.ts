import { defineModule, type ModuleContext } from '../module.js';
import type { ProjectService } from '../projects/index.js';
import type { TimelineLog } from '../timeline/index.js';
import { BriefService } from './brief.service.js';
import { MilestoneService } from './milestone.service.js';
import { planRoutes } from './plan.routes.js';
import { PlanService } from './plan.service.js';
import { RequirementService } from './requirement.service.js';

export type { MilestoneService } from './milestone.service.js';

/** The plan and requirements agreed by both parties: milestones, the approval cycle, requirements with history, and briefs. */
export function createPlansModule(ctx: ModuleContext, deps: { projects: ProjectService; timeline: TimelineLog }) {
  const plans = new PlanService(ctx.db, ctx.clock, deps.projects, deps.timeline);
  const milestones = new MilestoneService(ctx.db, ctx.clock, deps.projects, plans);
  const requirements = new RequirementService(ctx.db, ctx.clock, deps.projects);
  const briefs = new BriefService(ctx.db, ctx.clock, deps.projects);
  return defineModule({
    plans,
    milestones,
    requirements,
    briefs,
    routes: planRoutes({ plans, milestones, requirements, briefs }),
    timelineEvents: ['plan_submitted', 'plan_approved'],
  });
}
