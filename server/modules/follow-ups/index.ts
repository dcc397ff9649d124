import type { JobService } from '../../jobs/job.service.js';
import type { AccountService } from '../accounts/index.js';
import type { BillingActionService, BillingService, BillingSettingsService, InvoiceService } from '../billing/index.js';
import type { OutboxService } from '../email/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import { overdueInvoiceAgenda } from './follow-up.agenda.js';
import { FollowUpDesk } from './follow-up.desk.js';
import { FollowUpReminder } from './follow-up.reminder.js';
import { followUpJobs } from './follow-up.jobs.js';
import { followUpRoutes } from './follow-up.routes.js';
import { FollowUpService } from './follow-up.service.js';

export type { FollowUpService, FollowUpCounts } from './follow-up.service.js';
export { FOLLOW_UP_JOB } from './follow-up.jobs.js';

interface FollowUpDeps {
  jobs: JobService;
  accounts: AccountService;
  billingSettings: BillingSettingsService;
  billing: BillingService;
  invoices: InvoiceService;
  billingActions: BillingActionService;
  outbox: OutboxService;
}

/** Automatic follow-ups: the daily dunning run (emails, calls, alerts, stop-work) and the desk that shows and retries them. */
export function createFollowUpsModule(ctx: ModuleContext, deps: FollowUpDeps) {
  const followUps = new FollowUpService(
    ctx.db,
    ctx.clock,
    deps.billingSettings,
    deps.billing,
    deps.invoices,
    deps.billingActions,
    deps.outbox,
  );
  const desk = new FollowUpDesk(ctx.db, deps.jobs, deps.billingSettings, deps.outbox, deps.invoices, deps.accounts);
  const followUpReminder = new FollowUpReminder(ctx.db, ctx.clock, deps.billingSettings, deps.invoices, deps.accounts, deps.outbox);
  return defineModule({
    followUps,
    followUpDesk: desk,
    followUpReminder,
    routes: followUpRoutes(desk, followUpReminder),
    agenda: [overdueInvoiceAgenda(ctx.db, deps.billingSettings)],
    jobs: followUpJobs(followUps, deps.billingSettings),
    timelineEvents: ['follow_up_sent', 'follow_up_failed'],
  });
}
