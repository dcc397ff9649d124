import type { JobService } from './jobs/job.service.js';
import { createActsModule } from './modules/acts/index.js';
import { createBillingModule } from './modules/billing/index.js';
import { createDocumentsModule, createPdfRenderer, type PdfRenderer } from './modules/documents/index.js';
import { createFollowUpsModule } from './modules/follow-ups/index.js';
import type { ComposedModules } from './composition.modules.js';
import type { ModuleContext } from './modules/module.js';
import { createReceivablesModule } from './modules/receivables/index.js';
import { createStatusReportsModule } from './modules/status-reports/index.js';

/** The modules billing and the paperwork build on. */
type Core = Pick<ComposedModules, 'settings' | 'accounts' | 'contacts' | 'projects' | 'tasks' | 'email' | 'notifications' | 'timeline'>;

interface BillingOptions {
  publicUrl?: string;
  pdfRenderer?: PdfRenderer;
}

/**
 * Money and paperwork: invoices and payments, the documents (contracts, acts, status reports)
 * rendered to PDF, the follow-ups that chase what is owed, and the receivables report.
 */
export function composeBilling(ctx: ModuleContext, jobs: JobService, m: Core, opts: BillingOptions) {
  const billing = createBillingModule(ctx, {
    accounts: m.accounts.accounts,
    projects: m.projects.projects,
    tasks: m.tasks.tasks,
    settings: m.settings.settings,
    calendar: m.settings.calendar,
    timeline: m.timeline.timeline,
    notifications: m.notifications.notifications,
  });
  const documents = createDocumentsModule(
    ctx,
    {
      settings: m.settings.settings,
      calendar: m.settings.calendar,
      accounts: m.accounts.accounts,
      projects: m.projects.projects,
      contacts: m.contacts.contacts,
      invoices: billing.invoices,
      outbox: m.email.outbox,
      timeline: m.timeline.timeline,
      notifications: m.notifications.notifications,
    },
    { renderer: opts.pdfRenderer ?? createPdfRenderer(), publicUrl: opts.publicUrl },
  );
  const statusReports = createStatusReportsModule(ctx, {
    calendar: m.settings.calendar,
    projects: m.projects.projects,
    contacts: m.contacts.contacts,
    documents: documents.documents,
    documentLifecycle: documents.documentLifecycle,
    roles: m.tasks.roles,
    outbox: m.email.outbox,
    timeline: m.timeline.timeline,
    notifications: m.notifications.notifications,
  });
  const acts = createActsModule(ctx, {
    accounts: m.accounts.accounts,
    projects: m.projects.projects,
    roles: m.tasks.roles,
    documents: documents.documents,
    invoices: billing.invoices,
    calendar: m.settings.calendar,
  });
  const followUps = createFollowUpsModule(ctx, {
    jobs,
    accounts: m.accounts.accounts,
    billingSettings: billing.billingSettings,
    billing: billing.billing,
    invoices: billing.invoices,
    billingActions: billing.billingActions,
    outbox: m.email.outbox,
  });
  const receivables = createReceivablesModule(ctx, { calendar: m.settings.calendar, accounts: m.accounts.accounts });
  return { billing, documents, statusReports, acts, followUps, receivables };
}
