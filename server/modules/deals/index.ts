import type { AccountService } from '../accounts/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { AgencyCalendar, SettingsService } from '../settings/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { UserService } from '../users/index.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dealReportRoutes } from './deal.report.routes.js';
import { DealReports } from './deal.report.js';
import { dealAgenda } from './deal.agenda.js';
import { dealBoardRoutes } from './deal.board.routes.js';
import { dealRoutes } from './deal.routes.js';
import { DealService } from './deal.service.js';
import { DealSettingsService } from './deal.settings.js';
import { dealHealthByAccount } from './deal.health.js';
import { dealSearch } from './deal.search.js';
export type { DealHealthFacts } from './deal.health.js';

export type { DealService, NewDeal, DealAdvanceInput } from './deal.service.js';
export type { DealSettingsService } from './deal.settings.js';
export type { WonEvidence } from './deal.stage-move.js';
export { DEFAULT_DEAL_SETTINGS } from './deal.settings.js';
export { isOpenStage } from './deal.stages.js';

/**
 * Deals: the sales pipeline. Its face for what builds on it: `createIn`/`advanceIn` (a meeting
 * opens or advances a deal in its own transaction), `moveIn` with a WonEvidence (a proposal's
 * acceptance marks its deal won), `list` (open deals by next step date, for Today) and the
 * `deal_stage_changes` table (each move: from, to, when, by whom) for the sales reports.
 */
export function createDealsModule(
  ctx: ModuleContext,
  deps: { settings: SettingsService; calendar: AgencyCalendar; accounts: AccountService; users: UserService; timeline: TimelineLog },
) {
  const dealSettings = new DealSettingsService(ctx.db, deps.settings, ctx.clock);
  const deals = new DealService(ctx.db, ctx.clock, deps.calendar, deps.accounts, deps.users, dealSettings, deps.timeline);
  const dealReports = new DealReports(ctx.db, deps.calendar, dealSettings);
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(dealRoutes(deals, dealSettings));
    await app.register(dealBoardRoutes(deals));
    await app.register(dealReportRoutes(dealReports));
  };
  return defineModule({
    deals,
    dealSettings,
    /** Open deals and those closed lately, of one account or all (account health). */
    dealHealth: { byAccount: dealHealthByAccount },
    routes,
    timelineEvents: ['deal_created', 'deal_stage_changed'],
    search: [dealSearch(ctx.db)],
    agenda: [dealAgenda(ctx.db)],
  });
}
