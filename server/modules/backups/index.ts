import { defineModule, type ModuleContext } from '../module.js';
import type { AgencyCalendar } from '../settings/index.js';
import { backupJobs, type BackupSchedule } from './backup.jobs.js';

export { DAILY_BACKUP_JOB, runScheduledBackup, type BackupSchedule } from './backup.jobs.js';
export { ManifestError, readManifest, type Manifest } from './backup.manifest.js';
export { backupsToPrune } from './backup.retention.js';
export {
  createBackup,
  dialectOf,
  listBackups,
  restoreBackup,
  RestoreRefused,
  type BackupResult,
  type DatabaseLocation,
  type RestoreResult,
} from './backup.service.js';

/**
 * Backups: `npm run backup` / `npm run restore` (server/cli/) and, when BACKUP_SCHEDULE=daily,
 * a daily backup with retention run by the job service once across instances.
 */
export function createBackupsModule(ctx: ModuleContext, deps: { calendar: AgencyCalendar }, opts: { schedule?: BackupSchedule } = {}) {
  return defineModule({
    jobs: opts.schedule ? backupJobs(ctx.db, ctx.clock, deps.calendar, opts.schedule) : [],
  });
}
