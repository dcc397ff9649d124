import type { ClaimFacts } from '../claims/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { SurveySatisfaction } from '../surveys/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { UserService } from '../users/index.js';
import { correctiveActionAgenda } from './corrective-action.agenda.js';
import { CorrectiveActionEvents } from './corrective-action.events.js';
import { CheckFiguresCalculator } from './corrective-action.figures.js';
import { CorrectiveActionRepository } from './corrective-action.repository.js';
import { correctiveActionRoutes } from './corrective-action.routes.js';
import { CorrectiveActionService } from './corrective-action.service.js';

export type { CorrectiveActionService } from './corrective-action.service.js';
export { satisfactionOf } from './corrective-action.figures.js';

/**
 * Corrective actions: what the agency changes to remove a claim's cause, for one claim or a
 * recurring root cause, with an owner, a due date and an effectiveness check that alone closes it.
 * `dueChecks(asOf)` lists the open actions due or due for their check, for an agenda.
 */
export function createCorrectiveActionsModule(
  ctx: ModuleContext,
  deps: { claimFacts: ClaimFacts; surveySatisfaction: SurveySatisfaction; users: UserService; timeline: TimelineLog },
) {
  const figures = new CheckFiguresCalculator(deps.claimFacts, deps.surveySatisfaction);
  const correctiveActions = new CorrectiveActionService(
    ctx.db,
    ctx.clock,
    new CorrectiveActionRepository(ctx.db),
    deps.claimFacts,
    figures,
    deps.users,
    new CorrectiveActionEvents(deps.timeline),
  );
  return defineModule({
    correctiveActions,
    /** Open actions due, or due for their check, on or before `asOf` (YYYY-MM-DD), by check date. */
    dueChecks: (asOf: string, limit?: number) => correctiveActions.dueChecks(asOf, limit),
    routes: correctiveActionRoutes(correctiveActions),
    timelineEvents: ['corrective_action_created', 'corrective_action_checked'],
    agenda: [correctiveActionAgenda(correctiveActions)],
  });
}
