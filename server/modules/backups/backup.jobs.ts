import fs from 'node:fs';
import type { Database } from '../../db/database.js';
import type { JobDefinition } from '../../jobs/job.service.js';
import type { Clock } from '../../lib/clock.js';
import { localDate, localMinutes } from '../../lib/timezone.js';
import type { AgencyCalendar } from '../settings/index.js';
import { backupsToPrune } from './backup.retention.js';
import { createBackup, listBackups, type DatabaseLocation } from './backup.service.js';

export const DAILY_BACKUP_JOB = 'backups.daily';

export interface BackupSchedule {
  location: DatabaseLocation;
  dir: string;
  /** Hour of the agency's day (0–23) from which the day's backup is due. */
  hour: number;
  keepDaily: number;
  keepWeekly: number;
}

/** Backs up, then deletes the scheduled backups (data file and manifest) the retention rules no longer keep. */
export async function runScheduledBackup(db: Database, clock: Clock, schedule: BackupSchedule, timeZone: string) {
  const { manifest, durationMs } = await createBackup({ db, clock, location: schedule.location, dir: schedule.dir, trigger: 'scheduled' });
  const scheduled = (await listBackups(schedule.dir)).filter((b) => b.manifest.trigger === 'scheduled');
  const prune = backupsToPrune(
    scheduled.map((b) => ({ ...b, createdAt: b.manifest.createdAt })),
    { keepDaily: schedule.keepDaily, keepWeekly: schedule.keepWeekly, timeZone },
  );
  for (const b of prune) {
    await fs.promises.rm(b.dataFile, { force: true });
    await fs.promises.rm(b.manifestFile, { force: true });
  }
  return { file: manifest.file, size: manifest.size, durationMs, pruned: prune.map((b) => b.manifest.file) };
}

/** The day's backup, once across instances, from the configured hour in the agency's time zone. */
export function backupJobs(db: Database, clock: Clock, calendar: AgencyCalendar, schedule: BackupSchedule): JobDefinition[] {
  return [
    {
      name: DAILY_BACKUP_JOB,
      async dueKey(now) {
        const zone = await calendar.timeZone();
        return localMinutes(now, zone) >= schedule.hour * 60 ? localDate(now, zone) : null;
      },
      run: async (date) => ({ date, ...(await runScheduledBackup(db, clock, schedule, await calendar.timeZone())) }),
      leaseMs: 30 * 60_000,
      retryDelayMs: 30 * 60_000,
    },
  ];
}
