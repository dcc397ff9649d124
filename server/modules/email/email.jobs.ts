import { everyMinutes } from '../../jobs/job.runner.js';
import type { JobDefinition } from '../../jobs/job.service.js';
import type { OutboxService } from './outbox.service.js';

export const EMAIL_DELIVERY_JOB = 'email.deliver';

/** Every five minutes: sends emails whose earlier attempt failed or that waited for a mail server. */
export function emailJobs(outbox: OutboxService): JobDefinition[] {
  return [
    {
      name: EMAIL_DELIVERY_JOB,
      dueKey: everyMinutes(5),
      run: async () => ({ ...(await outbox.deliverDue()) }),
      retryDelayMs: 60_000,
    },
  ];
}
