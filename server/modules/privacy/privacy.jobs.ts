import type { JobDefinition } from '../../jobs/job.service.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { RetentionService } from './privacy.retention.js';

export const RETENTION_JOB = 'privacy.retention';

/** The nightly purge of interactions past their retention: once per agency day across instances. */
export function privacyJobs(retention: RetentionService, calendar: AgencyCalendar): JobDefinition[] {
  return [
    {
      name: RETENTION_JOB,
      dueKey: () => calendar.today(),
      run: async (date) => ({ date, ...(await retention.purge(date)) }),
      leaseMs: 10 * 60_000,
    },
  ];
}
