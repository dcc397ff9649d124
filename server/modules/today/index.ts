import type { BackupLookup } from './today.service.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TodaySettingsSchema } from '../../../common/schemas/today-settings.js';
import { assertAdmin } from '../access/index.js';
import { settingsRoutes, type AgencyCalendar, type SettingsService } from '../settings/index.js';
import type { UserService } from '../users/index.js';
import { todayRoutes } from './today.routes.js';
import { TodayService } from './today.service.js';
import { TodaySettingsService } from './today.settings.js';

export type { TodayService } from './today.service.js';
export { TodaySettingsReader, DEFAULT_TODAY_SETTINGS } from './today.settings.js';
export { dayOf, lateDays, scopeOn, severityByLateness, type AgendaEntry, type AgendaProvider, type AgendaScope } from './agenda.js';

/**
 * Today: each person's agenda of what needs them now, and why. Modules that own a source of
 * items contribute an `AgendaProvider` from their own folder (`today.addProvider`, wired in the
 * composition root); Today merges, groups and orders them and keeps each person's snoozes,
 * done and dismissed marks.
 */
export function createTodayModule(
  ctx: ModuleContext,
  deps: { calendar: AgencyCalendar; accounts: BackupLookup; users: UserService; settings: SettingsService },
) {
  const today = new TodayService(ctx.db, ctx.clock, deps.calendar, deps.accounts, deps.users);
  const todaySettings = new TodaySettingsService(ctx.db, deps.settings, ctx.clock);
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(todayRoutes(today));
    await app.register(
      settingsRoutes(todaySettings, {
        name: 'today',
        tags: ['today'],
        schema: TodaySettingsSchema,
        read: { authorize: assertAdmin, summary: 'How long things may wait before they are on Today (admins)' },
        write: {
          method: 'put',
          authorize: assertAdmin,
          summary: 'Change how long things may wait before they are on Today (admins)',
          description: 'Contact cadence per account status (null: never), and the days the client and undecided proposals may wait.',
          body: TodaySettingsSchema,
        },
      }),
    );
  };
  return defineModule({ today, todaySettings, routes });
}
