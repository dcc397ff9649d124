import { everyMinutes } from '../../jobs/job.runner.js';
import type { JobDefinition } from '../../jobs/job.service.js';
import type { InboxDigest } from './inbox.digest.js';

export const STAFF_DIGEST_JOB = 'inbox.digest';

/** Every five minutes, once across instances: the morning digests of those whose hour has come in their time zone. */
export function inboxJobs(digest: InboxDigest): JobDefinition[] {
  return [{ name: STAFF_DIGEST_JOB, dueKey: everyMinutes(5), run: async () => ({ ...(await digest.sendDue()) }), retryDelayMs: 60_000 }];
}
