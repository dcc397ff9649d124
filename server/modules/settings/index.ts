import { defineModule, type ModuleContext } from '../module.js';
import { AgencyCalendar } from './agency-calendar.js';
import { SettingsService } from './settings.service.js';

export type { SettingsService, AgencyCalendar };
export { TIME_ZONE_KEY, DEFAULT_TIME_ZONE } from './agency-calendar.js';

/** Agency-wide settings: a typed key-value store other modules keep their settings in, and the agency's calendar. */
export function createSettingsModule(ctx: ModuleContext) {
  const settings = new SettingsService(ctx.db);
  return defineModule({ settings, calendar: new AgencyCalendar(settings, ctx.clock) });
}
