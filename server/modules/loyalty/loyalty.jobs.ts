import type { JobDefinition } from '../../jobs/job.service.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { LoyaltyEvaluation } from './loyalty.evaluation.js';

export const LOYALTY_EVALUATION_JOB = 'loyalty.evaluation';

/**
 * The nightly evaluation: once per agency day across instances (the job's lease and the run's unique day).
 * Without tiers there is nothing to judge and the day is left unclaimed, so an admin who sets the
 * programme up that day can still evaluate it at once.
 */
export function loyaltyJobs(evaluation: LoyaltyEvaluation, calendar: AgencyCalendar): JobDefinition[] {
  return [
    {
      name: LOYALTY_EVALUATION_JOB,
      dueKey: () => calendar.today(),
      run: async (date) => {
        if (!(await evaluation.hasTiers())) return { date, skipped: 'no tiers' };
        const { id, repeated, ...summary } = await evaluation.runOn(date, null);
        return { date, runId: id, repeated, ...summary };
      },
      leaseMs: 10 * 60_000,
    },
  ];
}
