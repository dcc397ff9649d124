import type { Generated } from 'kysely';
import type { BillingActionKind, EmailStatus, InvoiceKind, PaymentStatus, Role, StoredInvoiceStatus } from '../../../common/enums.js';

/** Column types of the money tables (migration 0003_billing), as both dialects return them. */

interface Versioned {
  id: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface InvoicesTable extends Versioned {
  account_id: string;
  project_id: string | null;
  kind: InvoiceKind;
  credited_invoice_id: string | null; // the invoice a credit note corrects
  number: string | null; // assigned on issue
  status: StoredInvoiceStatus; // "overdue" is derived on read
  issue_date: string | null;
  due_date: string | null;
  currency: string;
  subtotal_minor: number;
  tax_minor: number;
  total_minor: number;
  paid_minor: Generated<number>;
  credited_minor: Generated<number>; // sum of credit notes applied to this invoice (positive)
  notes: string | null;
  search_text: string;
  created_by: string | null;
  issued_at: string | null;
  issued_by: string | null;
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
  /** The document (a signed act) it was made from (migration 0016). */
  source_document_id: Generated<string | null>;
  /** The import that created it as an opening balance, if one did (migration 0047). */
  import_id: Generated<string | null>;
}

export interface InvoiceLinesTable {
  id: string;
  invoice_id: string;
  position: number;
  description: string;
  quantity_milli: number;
  unit_price_minor: number;
  tax_basis_points: number;
  net_minor: number;
  tax_minor: number;
  total_minor: number;
}

export interface PaymentsTable extends Versioned {
  invoice_id: string;
  account_id: string;
  amount_minor: number;
  currency: string;
  paid_on: string;
  method: string | null;
  reference: string | null;
  status: PaymentStatus;
  idempotency_key: string | null; // "<actor id>:<Idempotency-Key>"
  request_hash: string | null;
  recorded_by: string | null;
  reversed_at: string | null;
  reversed_on: string | null;
  reversed_by: string | null;
  reversal_reason: string | null;
}

export interface NumberSequencesTable {
  scope: string; // e.g. "invoice:2026"
  last_value: number;
}

export interface InvoiceFollowUpsTable {
  id: string;
  invoice_id: string;
  account_id: string;
  level_days: number;
  run_date: string;
  email_id: string | null;
  created_at: string;
}

export interface EmailOutboxTable {
  id: string;
  account_id: string | null;
  purpose: string; // follow_up
  purpose_date: string | null; // one follow-up email per account and day
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  attachments: string; // JSON [{filename, contentType, content}]
  data: string; // JSON: what the email is about (invoice ids, levels)
  status: EmailStatus;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: string;
  sent_at: string | null;
  message_id: string | null;
  created_at: string;
  /** JSON of extra headers (List-Unsubscribe); null for none. */
  headers: string | null;
}

export interface BillingActionsTable extends Versioned {
  kind: BillingActionKind;
  account_id: string;
  invoice_id: string | null;
  assignee_id: string | null;
  assignee_role: Role | null; // "finance": any finance user may take it
  title: string;
  detail: string;
  /** JSON: the catalogue codes and figures of title and detail, `{ title: [code, params], detail: [code, params] }`. */
  wording: string | null;
  due_date: string;
  done_at: string | null;
  done_by: string | null;
}

type JobRunStatus = 'running' | 'done' | 'failed';

export interface JobsTable {
  name: string;
  last_key: string | null; // the period last completed, e.g. "2026-03-02"
  lease_owner: string | null;
  lease_until: string | null;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_status: JobRunStatus | null;
  last_error: string | null;
  last_result: string | null;
}

export interface JobRunsTable {
  id: string;
  job_name: string;
  run_key: string;
  instance_id: string;
  started_at: string;
  finished_at: string | null;
  status: JobRunStatus;
  error: string | null;
  result: string | null;
}

export interface BillingTables {
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  payments: PaymentsTable;
  number_sequences: NumberSequencesTable;
  invoice_follow_ups: InvoiceFollowUpsTable;
  email_outbox: EmailOutboxTable;
  billing_actions: BillingActionsTable;
  jobs: JobsTable;
  job_runs: JobRunsTable;
}
