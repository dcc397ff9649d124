import type { DealService } from '../deals/index.js';
import type { InteractionService } from '../interactions/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { SettingsService } from '../settings/index.js';
import type { TimelineLog } from '../timeline/index.js';
import { ObjectionRepository } from './objection.repository.js';
import { objectionRoutes } from './objection.routes.js';
import { ObjectionService } from './objection.service.js';
import { ObjectionSettingsService } from './objection.settings.js';

export type { ObjectionService } from './objection.service.js';
export type { ObjectionSettingsService } from './objection.settings.js';
export { DEFAULT_OBJECTION_SETTINGS } from './objection.settings.js';
export { answerKeyOf, wilsonLowerBound } from './objection.playbook.js';

/**
 * Objections clients raise on deals, and the playbook: a category's past answers ranked by how
 * often their deals were then won, with the answer an admin pinned first.
 */
export function createObjectionsModule(
  ctx: ModuleContext,
  deps: { settings: SettingsService; deals: DealService; interactions: InteractionService; timeline: TimelineLog },
) {
  const repo = new ObjectionRepository(ctx.db);
  const objectionSettings = new ObjectionSettingsService(ctx.db, deps.settings, ctx.clock, repo);
  const objections = new ObjectionService(ctx.db, ctx.clock, repo, deps.deals, deps.interactions, objectionSettings, deps.timeline);
  return defineModule({
    objections,
    objectionSettings,
    routes: objectionRoutes(objections, objectionSettings),
    timelineEvents: ['objection_logged', 'objection_result_set'],
  });
}
