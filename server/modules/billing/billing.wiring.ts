import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/database.js';
import type { JobService } from '../../jobs/job.service.js';
import type { Clock } from '../../lib/clock.js';
import type { AccountService } from '../accounts/account.service.js';
import { createMailer, type Mailer } from '../email/mailer.js';
import { OutboxService } from '../email/outbox.service.js';
import { FollowUpDesk } from '../follow-ups/follow-up.desk.js';
import { followUpJobs } from '../follow-ups/follow-up.jobs.js';
import { FollowUpService } from '../follow-ups/follow-up.service.js';
import { ReceivablesService } from '../receivables/receivables.service.js';
import { StatementService } from '../receivables/statement.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { TimelineService } from '../timeline/timeline.service.js';
import { BillingActionService } from './billing-action.service.js';
import { BillingService } from './billing.service.js';
import { BillingSettingsService } from './billing.settings.js';
import { InvoiceLifecycle } from './invoice.lifecycle.js';
import { InvoiceService } from './invoice.service.js';
import { PaymentService } from './payment.service.js';

export interface BillingDeps {
  accounts: AccountService;
  timeline: TimelineService;
  settings: SettingsService;
  jobs: JobService;
  mailer?: Mailer;
  log?: FastifyBaseLogger;
}

/** Invoices, payments, receivables, follow-ups and the email outbox, wired together; registers their jobs. */
export function createBillingServices(db: Database, clock: Clock, deps: BillingDeps) {
  const billingSettings = new BillingSettingsService(db, deps.settings, clock);
  const billing = new BillingService(db, clock, billingSettings, deps.accounts, deps.timeline);
  const invoices = new InvoiceService(db, clock, billingSettings, deps.accounts);
  const billingActions = new BillingActionService(db, clock);
  const outbox = new OutboxService(
    db,
    clock,
    deps.mailer ?? createMailer({ from: 'Liaison <no-reply@localhost>' }),
    deps.timeline,
    deps.log,
  );
  const followUps = new FollowUpService(db, clock, billingSettings, billing, invoices, billingActions, outbox);
  deps.jobs.register(...followUpJobs(followUps, billingSettings, outbox));
  return {
    billingSettings,
    billing,
    invoices,
    invoiceLifecycle: new InvoiceLifecycle(db, clock, billingSettings, invoices, deps.accounts, billing, deps.timeline),
    payments: new PaymentService(db, clock, billingSettings, invoices, deps.timeline),
    billingActions,
    outbox,
    followUps,
    followUpDesk: new FollowUpDesk(deps.jobs, billingSettings, outbox, invoices, deps.accounts, followUps.repo),
    receivables: new ReceivablesService(db, billingSettings),
    statements: new StatementService(db, billingSettings, deps.accounts),
  };
}
