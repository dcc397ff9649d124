import type { JobDefinition } from '../../jobs/job.service.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { HealthSnapshots } from './health.snapshots.js';

export const HEALTH_SNAPSHOT_JOB = 'health.snapshot';

/** The nightly snapshot: once per agency day across instances (the job's lease and period, and the day's rows). */
export function healthJobs(snapshots: HealthSnapshots, calendar: AgencyCalendar): JobDefinition[] {
  return [
    {
      name: HEALTH_SNAPSHOT_JOB,
      dueKey: () => calendar.today(),
      run: async (day) => ({ ...(await snapshots.runOn(day)) }),
      leaseMs: 10 * 60_000,
    },
  ];
}
