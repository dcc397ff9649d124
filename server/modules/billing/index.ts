import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AccountService } from '../accounts/index.js';
import type { ClientNotifier } from '../notifications/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { ProjectService } from '../projects/index.js';
import type { AgencyCalendar, SettingsService } from '../settings/index.js';
import type { TaskService } from '../tasks/index.js';
import type { TimelineLog } from '../timeline/index.js';
import { billingFlags } from './account-flags.js';
import { billingAgenda } from './billing.agenda.js';
import { BillingActionService } from './billing-action.service.js';
import { billingRoutes } from './billing.routes.js';
import { BillingService } from './billing.service.js';
import { BillingSettingsService } from './billing.settings.js';
import { InvoiceLifecycle } from './invoice.lifecycle.js';
import { invoiceRoutes } from './invoice.routes.js';
import { InvoiceService } from './invoice.service.js';
import { paymentRoutes } from './payment.routes.js';
import { PaymentRecord } from './payment-record.js';
import { PaymentService } from './payment.service.js';
import { paymentHealthByAccount } from './payment.health.js';
import { OpeningBalances } from './opening-balances.js';
import { invoiceSearch } from './invoice.search.js';
import { followUpCallCalendar } from './follow-up-call.calendar.js';
export type { PaymentHealthFacts } from './payment.health.js';
export type { OpeningBalances, OpeningBalance } from './opening-balances.js';

export type { BillingService } from './billing.service.js';
export type { BillingSettingsService } from './billing.settings.js';
export { wordAction, type BillingActionService } from './billing-action.service.js';
export type { InvoiceService, InvoiceSource } from './invoice.service.js';
export { displayStatus as invoiceStatusOn } from './invoice.presenter.js';
export type { InvoiceLifecycle } from './invoice.lifecycle.js';
export type { PaymentService } from './payment.service.js';
export type { PaymentRecord, PaidRevenue, PaymentPunctuality } from './payment-record.js';
export type { AccountDiscount, InvoiceDiscountSource } from './invoice.discount.js';
export { DEFAULT_FOLLOW_UP_LEVELS } from './billing.defaults.js';
/** SQL fragments for read models over invoices (receivables, follow-ups), kept beside the index they match. */
export { BALANCE, OPEN_INVOICE, bucketDueDates } from './open-invoices.js';

interface BillingDeps {
  accounts: AccountService;
  projects: ProjectService;
  tasks: TaskService;
  settings: SettingsService;
  calendar: AgencyCalendar;
  timeline: TimelineLog;
  notifications: ClientNotifier;
}

/** Invoices, payments, credit notes, debt prevention (exposure, credit warnings, stop-work) and the follow-up calls and alerts. */
export function createBillingModule(ctx: ModuleContext, deps: BillingDeps) {
  const billingSettings = new BillingSettingsService(ctx.db, deps.settings, deps.calendar, ctx.clock);
  const billing = new BillingService(ctx.db, ctx.clock, billingSettings, deps.accounts, deps.timeline);
  const invoices = new InvoiceService(ctx.db, ctx.clock, billingSettings, deps.accounts, deps.projects);
  const invoiceLifecycle = new InvoiceLifecycle(
    ctx.db,
    ctx.clock,
    billingSettings,
    invoices,
    deps.accounts,
    billing,
    deps.timeline,
    deps.notifications,
  );
  const payments = new PaymentService(ctx.db, ctx.clock, billingSettings, invoices, deps.timeline);
  const billingActions = new BillingActionService(ctx.db, ctx.clock);
  // Unpaid debt can stop work: no new task while the account's stop-work flag is set.
  deps.tasks.addWorkGuard((trx, accountId, language) => billing.assertWorkAllowed(trx, accountId, language));
  // Every account read carries its billing flags (work stopped, overdue, credit used).
  deps.accounts.addFlagSource(billingFlags(billingSettings));
  // Money records are never deleted, so neither is an account that has them.
  deps.accounts.addRemovalGuard((trx, accountId) => invoices.assertNoInvoices(trx, accountId));
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(invoiceRoutes(invoices, invoiceLifecycle));
    await app.register(paymentRoutes(payments));
    await app.register(billingRoutes(billing, billingActions, billingSettings));
  };
  return defineModule({
    billingSettings,
    billing,
    invoices,
    invoiceLifecycle,
    payments,
    billingActions,
    /** Paid revenue and punctuality of every account, set-based (loyalty's evaluation). */
    paymentRecord: new PaymentRecord(),
    /** Payment discipline of one account or all, set-based (account health). */
    paymentHealth: { byAccount: paymentHealthByAccount },
    /** Debts from before Liaison as issued invoices, written in bulk (imports). */
    openingBalances: new OpeningBalances(billingSettings),
    routes,
    search: [invoiceSearch(ctx.db)],
    feeds: [followUpCallCalendar(ctx.db)],
    agenda: [billingAgenda(ctx.db)],
    timelineEvents: [
      'invoice_issued',
      'invoice_voided',
      'credit_note_issued',
      'payment_recorded',
      'payment_reversed',
      'stop_work_set',
      'stop_work_lifted',
    ],
  });
}
