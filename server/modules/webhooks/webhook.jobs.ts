import type { JobDefinition } from '../../jobs/job.service.js';
import type { WebhookDispatcher } from './webhook.dispatcher.js';
import type { OverdueInvoices } from './webhook.overdue.js';

export const WEBHOOK_DELIVERY_JOB = 'webhooks.deliver';
export const WEBHOOK_OVERDUE_JOB = 'webhooks.overdue';
export const WEBHOOK_PRUNE_JOB = 'webhooks.prune';
/** Periods of the delivery job: as short as the runner's poll, so a retry due in 5 s goes at the next tick. */
const PERIOD_MS = 5_000;

/**
 * Sends the outbox and the retries due, once per period across instances, and only when there
 * is something to send; and once per agency day, the invoices that fell overdue and the log's pruning.
 */
export function webhookJobs(dispatcher: WebhookDispatcher, overdue: OverdueInvoices): JobDefinition[] {
  return [
    { name: WEBHOOK_OVERDUE_JOB, dueKey: () => overdue.today(), run: async (day) => ({ ...(await overdue.run(day)) }) },
    { name: WEBHOOK_PRUNE_JOB, dueKey: () => overdue.today(), run: async () => ({ ...(await dispatcher.prune()) }) },
    {
      name: WEBHOOK_DELIVERY_JOB,
      dueKey: async (now) => ((await dispatcher.hasWork()) ? String(Math.floor(now.getTime() / PERIOD_MS)).padStart(14, '0') : null),
      run: async () => ({ ...(await dispatcher.run()) }),
      retryDelayMs: 5_000,
    },
  ];
}
