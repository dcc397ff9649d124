import type { JobDefinition } from '../../jobs/job.service.js';
import { localDate, localMinutes, timeOfDayMinutes } from '../../lib/timezone.js';
import type { BillingSettingsService } from '../billing/index.js';
import type { FollowUpService } from './follow-up.service.js';

export const FOLLOW_UP_JOB = 'billing.follow_ups';

/**
 * The daily follow-up run, keyed by the agency-local date once the follow-up hour has passed
 * there (so it runs once a day across instances, and catches up after a restart).
 */
export function followUpJobs(followUps: FollowUpService, settings: BillingSettingsService): JobDefinition[] {
  return [
    {
      name: FOLLOW_UP_JOB,
      async dueKey(now) {
        const s = await settings.load();
        return localMinutes(now, s.timeZone) >= timeOfDayMinutes(s.followUpTime) ? localDate(now, s.timeZone) : null;
      },
      run: async (date) => ({ date, ...(await followUps.runForDate(date)) }),
      leaseMs: 10 * 60_000,
    },
  ];
}
