import type { BackupLookup } from './today.service.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { UserService } from '../users/index.js';
import { todayRoutes } from './today.routes.js';
import { TodayService } from './today.service.js';

export type { TodayService } from './today.service.js';
export { TodaySettingsReader, DEFAULT_TODAY_SETTINGS } from './today.settings.js';
export { dayOf, lateDays, scopeOn, severityByLateness, type AgendaEntry, type AgendaProvider, type AgendaScope } from './agenda.js';

/**
 * Today: each person's agenda of what needs them now, and why. Modules that own a source of
 * items contribute an `AgendaProvider` from their own folder (`today.addProvider`, wired in the
 * composition root); Today merges, groups and orders them and keeps each person's snoozes,
 * done and dismissed marks.
 */
export function createTodayModule(ctx: ModuleContext, deps: { calendar: AgencyCalendar; accounts: BackupLookup; users: UserService }) {
  const today = new TodayService(ctx.db, ctx.clock, deps.calendar, deps.accounts, deps.users);
  return defineModule({ today, routes: todayRoutes(today) });
}
