import { everyMinutes } from '../../jobs/job.runner.js';
import type { JobDefinition } from '../../jobs/job.service.js';
import type { NotificationDigest } from './notification.digest.js';

export const CLIENT_DIGEST_JOB = 'notifications.digest';

/** Every five minutes, once across instances: the digests of what awaits clients in the portal. */
export function notificationJobs(digest: NotificationDigest): JobDefinition[] {
  return [{ name: CLIENT_DIGEST_JOB, dueKey: everyMinutes(5), run: async () => ({ ...(await digest.sendDue()) }), retryDelayMs: 60_000 }];
}
