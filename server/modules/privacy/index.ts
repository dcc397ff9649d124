import { defineModule, type ModuleContext } from '../module.js';
import type { AgencyCalendar, SettingsService } from '../settings/index.js';
import { privacyJobs } from './privacy.jobs.js';
import { RetentionService } from './privacy.retention.js';
import { privacyRoutes } from './privacy.routes.js';
import { PrivacyService } from './privacy.service.js';

export { RETENTION_JOB } from './privacy.jobs.js';
export { LEGAL_RECORDS } from './privacy.sweep.js';

/**
 * Personal-data requests (admins): a contact's or client user's data as a zip, a contact's
 * erasure, and how long interactions are kept, purged nightly.
 */
export function createPrivacyModule(ctx: ModuleContext, deps: { settings: SettingsService; calendar: AgencyCalendar }) {
  const privacy = new PrivacyService(ctx.db, ctx.clock);
  const retention = new RetentionService(ctx.db, deps.settings, ctx.clock);
  return defineModule({ privacy, retention, routes: privacyRoutes(privacy, retention), jobs: privacyJobs(retention, deps.calendar) });
}
