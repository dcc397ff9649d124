import type { AccountService } from '../accounts/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { AgencyCalendar, SettingsService } from '../settings/index.js';
import { healthAgenda } from './health.agenda.js';
import { healthJobs } from './health.jobs.js';
import { HealthRepository } from './health.repository.js';
import { healthRoutes } from './health.routes.js';
import { HealthService } from './health.service.js';
import { HealthSettingsService } from './health.settings.js';
import { HealthSnapshots } from './health.snapshots.js';
import type { HealthSources } from './health.sources.js';

export type { HealthSources } from './health.sources.js';
export { HEALTH_SNAPSHOT_JOB } from './health.jobs.js';
export { DEFAULT_HEALTH_SETTINGS } from './health.settings.js';

interface HealthDeps extends HealthSources {
  settings: SettingsService;
  calendar: AgencyCalendar;
  accounts: AccountService;
}

/**
 * Account health: a 0–100 score and grade from weighted components (payment, satisfaction,
 * claims, delivery, engagement, commercial), each with the facts behind it, read from the other
 * modules' faces; a nightly snapshot of every active account (the trend, the list's grade and
 * sort); and a Today item when an account's health falls.
 */
export function createHealthModule(ctx: ModuleContext, deps: HealthDeps) {
  const repo = new HealthRepository(ctx.db);
  const healthSettings = new HealthSettingsService(ctx.db, deps.settings, ctx.clock);
  const health = new HealthService(ctx.db, ctx.clock, deps.calendar, deps.accounts, repo, healthSettings, deps);
  const healthSnapshots = new HealthSnapshots(ctx.db, ctx.clock, deps.accounts, repo, healthSettings, deps);
  return defineModule({
    health,
    healthSettings,
    healthSnapshots,
    routes: healthRoutes(health, healthSettings),
    jobs: healthJobs(healthSnapshots, deps.calendar),
    agenda: [healthAgenda(ctx.db, healthSettings)],
  });
}
