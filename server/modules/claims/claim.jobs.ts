import { everyMinutes } from '../../jobs/job.runner.js';
import type { JobDefinition } from '../../jobs/job.service.js';
import type { ClaimDeadlines } from './claim.deadlines.js';

export const CLAIM_DEADLINE_JOB = 'claims.deadlines';

/**
 * Looks for missed deadlines and claims to close every five minutes (the shortest deadline is
 * hours). The job's lease keeps runs apart; a breach's unique row makes its alert go once.
 */
export function claimJobs(deadlines: ClaimDeadlines): JobDefinition[] {
  return [
    { name: CLAIM_DEADLINE_JOB, dueKey: everyMinutes(5), run: async () => ({ ...(await deadlines.runDue()) }), retryDelayMs: 60_000 },
  ];
}
