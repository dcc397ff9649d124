import { defineModule, type ModuleContext } from '../module.js';
import { AgencyCalendar } from './agency-calendar.js';
import { calendarRoutes } from './calendar.routes.js';
import { SettingsService } from './settings.service.js';

export type { SettingsService, AgencyCalendar };
export { TIME_ZONE_KEY, DEFAULT_TIME_ZONE } from './agency-calendar.js';
export { SETTINGS_CACHE_MS } from './settings.service.js';
export { settingsRoutes, type SettingsKeeper } from './settings-routes.js';

/** Agency-wide settings: a typed key-value store other modules keep their settings in, and the agency's calendar (today and this week, readable by anyone signed in). */
export function createSettingsModule(ctx: ModuleContext) {
  const settings = new SettingsService(ctx.db, ctx.clock);
  const calendar = new AgencyCalendar(settings, ctx.clock);
  return defineModule({ settings, calendar, routes: calendarRoutes(calendar) });
}
