import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AccountService } from '../accounts/index.js';
import type { InvoiceService } from '../billing/index.js';
import type { ContactService } from '../contacts/index.js';
import type { OutboxService } from '../email/index.js';
import type { ClientNotifier } from '../notifications/index.js';
import { defineModule, type ModuleContext } from '../module.js';
import type { ProjectService } from '../projects/index.js';
import type { AgencyCalendar, SettingsService } from '../settings/index.js';
import type { TimelineLog } from '../timeline/index.js';
import { agencyRoutes } from './agency.routes.js';
import { AgencyService } from './agency.service.js';
import { INVOICE_SOURCE, VERSION_SOURCE } from './attachments.js';
import { contractJobs } from './contract.jobs.js';
import { ContractReminders } from './contract.reminders.js';
import { documentAgenda } from './document.agenda.js';
import { DocumentLifecycle } from './document.lifecycle.js';
import { DocumentPdfs } from './document.pdf.js';
import { documentRoutes } from './document.routes.js';
import { DocumentService } from './document.service.js';
import { DocumentSettingsService } from './document.settings.js';
import { DocumentSigning } from './document.signing.js';
import { documentSigningRoutes } from './document.signing.routes.js';
import { InvoicePaperService } from './invoice.paper.js';
import type { PdfRenderer } from './pdf.pool.js';
import { TemplatePreview } from './template.preview.js';
import { templateRoutes } from './template.routes.js';
import { TemplateService } from './template.service.js';
import { documentSearch } from './document.search.js';
import { contractEndCalendar } from './document.calendar.js';

export { createPdfRenderer, type PdfRenderer } from './pdf.pool.js';
export { documentModel, type DocumentSource } from './document.model.js';
export { DEFAULT_BLOCKS } from './template.defaults.js';
export { invoicePdfAttachment } from './attachments.js';
export type { AgencyService, AgencyParty } from './agency.service.js';
export type { DocumentService } from './document.service.js';
export type { NewStatusReport, NewProposalDocument } from './document.drafts.js';
export type { DocumentLifecycle } from './document.lifecycle.js';
export type { DocumentSigning } from './document.signing.js';
export type { DocumentRow } from './document.repository.js';
export type { TemplateService } from './template.service.js';
export type { InvoicePaperService } from './invoice.paper.js';
export type { ContractReminders, ContractReminderRun } from './contract.reminders.js';
export { CONTRACT_REMINDER_JOB } from './contract.jobs.js';

interface DocumentsDeps {
  settings: SettingsService;
  calendar: AgencyCalendar;
  accounts: AccountService;
  projects: ProjectService;
  contacts: ContactService;
  invoices: InvoiceService;
  outbox: OutboxService;
  timeline: TimelineLog;
  notifications: ClientNotifier;
}

/**
 * Paperwork: the agency's details, documents of accounts (contracts, acts, status reports,
 * proposals) with their life cycle, gap-free numbers and frozen PDFs, the templates they are
 * worded from, and invoices as PDFs sent by email.
 */
export function createDocumentsModule(ctx: ModuleContext, deps: DocumentsDeps, opts: { renderer: PdfRenderer; publicUrl?: string }) {
  const agency = new AgencyService(ctx.db, deps.settings, ctx.clock);
  const templates = new TemplateService(ctx.db, deps.settings, ctx.clock);
  const documentSettings = new DocumentSettingsService(ctx.db, deps.settings, ctx.clock);
  const pdfs = new DocumentPdfs(ctx.db, deps.calendar, deps.projects, agency, templates, opts.renderer);
  const documents = new DocumentService(ctx.db, ctx.clock, deps.accounts, deps.projects, pdfs);
  const documentLifecycle = new DocumentLifecycle(
    ctx.db,
    ctx.clock,
    deps.calendar,
    documents,
    documentSettings,
    pdfs,
    agency,
    deps.contacts,
    deps.outbox,
    deps.timeline,
    deps.notifications,
  );
  const invoicePaper = new InvoicePaperService(
    ctx.db,
    ctx.clock,
    deps.invoices,
    deps.accounts,
    deps.contacts,
    agency,
    deps.outbox,
    opts.renderer,
    deps.timeline,
    deps.notifications,
  );
  const contractReminders = new ContractReminders(ctx.db, ctx.clock, deps.calendar, deps.outbox, opts.publicUrl);
  const signing = new DocumentSigning(ctx.db, ctx.clock, documents, pdfs, deps.timeline, deps.notifications);
  const preview = new TemplatePreview(templates, agency, deps.calendar, opts.renderer);
  // Emails carry PDFs by reference: the frozen bytes of a sent document, an invoice rendered when it goes out.
  deps.outbox.addAttachmentSource(VERSION_SOURCE, (id) => pdfs.frozen(id));
  deps.outbox.addAttachmentSource(INVOICE_SOURCE, (id) => invoicePaper.render(id));
  // Sent documents are records: an account that has them is not deleted.
  deps.accounts.addRemovalGuard((trx, accountId) => documents.assertNoSentDocuments(trx, accountId));
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(agencyRoutes(agency));
    await app.register(documentRoutes(documents, documentLifecycle, documentSettings, invoicePaper));
    await app.register(documentSigningRoutes(documents, signing));
    await app.register(templateRoutes(templates, preview));
  };
  return defineModule({
    agency,
    documents,
    documentLifecycle,
    documentSigning: signing,
    documentTemplates: templates,
    documentSettings,
    invoicePaper,
    contractReminders,
    routes,
    jobs: contractJobs(contractReminders, deps.calendar),
    search: [documentSearch(ctx.db)],
    feeds: [contractEndCalendar(ctx.db)],
    agenda: [documentAgenda(ctx.db, deps.settings)],
    timelineEvents: [
      'contract_reminder_sent',
      'contract_reminder_failed',
      'document_sent',
      'document_cancelled',
      'document_emailed',
      'document_email_failed',
      'invoice_emailed',
      'invoice_email_failed',
      'invoice_downloaded',
      'document_signed',
      'document_declined',
    ],
  });
}
