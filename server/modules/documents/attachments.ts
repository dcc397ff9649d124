import type { EmailAttachment } from '../email/index.js';

/** Attachment sources this module gives the outbox: a document's frozen PDF, and an invoice's PDF. */
export const VERSION_SOURCE = 'document_version';
export const INVOICE_SOURCE = 'invoice_pdf';

/** An invoice's PDF attached by reference: rendered when the email goes out (follow-up reminders use it). */
export const invoicePdfAttachment = (invoice: { id: string; number: string | null }): EmailAttachment => ({
  filename: `invoice-${(invoice.number ?? invoice.id).replace(/[^\w.-]+/g, '-')}.pdf`,
  contentType: 'application/pdf',
  source: { kind: INVOICE_SOURCE, id: invoice.id },
});
