import type { Generated } from 'kysely';
import type { ContractRenewal } from '../../../common/enums.js';
import type { InvoiceLinesTable } from './billing.js';

/** Column types of the paperwork tables (migration 0013_documents), as both dialects return them. */

export interface DocumentsTable {
  id: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  kind: string; // contract | act | status_report | proposal | other
  status: string; // draft | sent | signed | declined | cancelled
  number: string | null; // assigned when first sent
  account_id: string;
  project_id: string | null;
  language: string;
  title: string | null;
  issue_date: string | null;
  period_from: string | null;
  period_to: string | null;
  currency: string;
  subtotal_minor: Generated<number>;
  tax_minor: Generated<number>;
  total_minor: Generated<number>;
  notes: string | null;
  search_text: Generated<string>;
  created_by: string | null;
  sent_at: string | null;
  sent_by: string | null;
  cancelled_at: string | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  signed_at: string | null;
  declined_at: string | null;
  decline_reason: string | null;
  /** A contract's renewal (none | manual | automatic) and its terms in words; its term is the period. */
  renewal: ContractRenewal | null;
  renewal_terms: string | null;
  /** The contract this one renews or replaces (migration 0017). */
  renews_id: string | null;
  /** A status report's facts (JSON StatusReportFacts), worded in the document's language when rendered. */
  report: string | null;
  /** Who signed (a client user in the portal, or the manager who recorded a paper copy), by name as typed, and from where. */
  signed_by: string | null;
  signer_name: string | null;
  signer_ip: string | null;
  signed_via: 'portal' | 'paper' | null;
  declined_by: string | null;
  decliner_ip: string | null;
}

/** The same priced lines as invoices have, belonging to a document. */
export interface DocumentLinesTable extends Omit<InvoiceLinesTable, 'invoice_id'> {
  document_id: string;
}

/** What was sent, frozen: the content as rendered (JSON) and the PDF bytes with their SHA-256. */
export interface DocumentVersionsTable {
  id: string;
  document_id: string;
  seq: number; // 1 = as first sent; later versions (a signed copy) are appended
  purpose: string; // sent | signed (a signature page appended) | paper (a scan of the signed paper copy)
  content: string; // JSON: the render model the PDF was made from
  pdf: Buffer | null; // filled once, right after the send commits
  sha256: string | null;
  byte_size: number | null;
  created_by: string | null;
  created_at: string;
}

export interface DocumentEventsTable {
  id: string;
  document_id: string;
  kind: string; // created | updated | sent | emailed | cancelled | signed | declined | paper_signed | invoiced
  at: string;
  actor_id: string | null;
  email_id: string | null;
  data: Generated<string>; // JSON
}

/** One renewal reminder of a contract: unique per contract and days before its end. */
export interface ContractRemindersTable {
  id: string;
  document_id: string;
  days_before: number;
  ends_on: string;
  email_id: string | null;
  created_at: string;
}

/** Which delivered work (done tasks, done milestones) an act was made from (migration 0016). */
export interface ActSourcesTable {
  document_id: string;
  source_kind: 'task' | 'milestone';
  source_id: string;
}

/** When each client user first downloaded an invoice in the portal (migration 0023). */
export interface InvoiceDownloadsTable {
  invoice_id: string;
  user_id: string;
  first_at: string;
}

export interface DocumentTables {
  documents: DocumentsTable;
  document_lines: DocumentLinesTable;
  document_versions: DocumentVersionsTable;
  document_events: DocumentEventsTable;
  contract_reminders: ContractRemindersTable;
  act_sources: ActSourcesTable;
  invoice_downloads: InvoiceDownloadsTable;
}
