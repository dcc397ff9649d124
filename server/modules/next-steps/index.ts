import type { AccountService } from '../accounts/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { UserService } from '../users/index.js';
import { nextStepAgenda } from './next-step.agenda.js';
import { nextStepRoutes } from './next-step.routes.js';
import { NextStepService } from './next-step.service.js';
import { nextStepHealthByAccount } from './next-step.health.js';
import { nextStepCalendar } from './next-step.calendar.js';
export type { NextStepHealthFacts } from './next-step.health.js';

export type { NextStepService, InteractionNextStep } from './next-step.service.js';
export { nextStepOfInteraction, type PackedNextStep } from './next-step.repository.js';

/** Next steps: promises with an owner and a date, tracked until done, flagged once overdue. */
export function createNextStepsModule(
  ctx: ModuleContext,
  deps: { calendar: AgencyCalendar; accounts: AccountService; users: UserService; timeline: TimelineLog },
) {
  const nextSteps = new NextStepService(ctx.db, ctx.clock, deps.calendar, deps.accounts, deps.users, deps.timeline);
  return defineModule({
    nextSteps,
    feeds: [nextStepCalendar(ctx.db)],
    agenda: [nextStepAgenda(ctx.db)],
    /** Open and overdue next steps of one account or all (account health). */
    nextStepHealth: { byAccount: nextStepHealthByAccount },
    routes: nextStepRoutes(nextSteps),
    timelineEvents: ['next_step_done'],
  });
}
