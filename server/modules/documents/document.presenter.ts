import type { DocumentKind, DocumentStatus, Language } from '../../../common/enums.js';
import type { Document, DocumentEvent, DocumentSummary, StatusReportFacts } from '../../../common/schemas/document.js';
import { presentLine } from '../../lib/lines.js';
import { withRecordMeta } from '../../lib/presenter.js';
import { documentAbilities, type Actor } from '../access/index.js';
import { kindTitle } from './document.model.js';
import type { DocumentLineRow, DocumentRepository, DocumentRow } from './document.repository.js';

/** The document without its lines as `actor` sees it, with what they may do with it. */
export function presentDocumentSummary(r: DocumentRow, actor: Actor): DocumentSummary {
  const language = r.language as Language;
  return withRecordMeta(r, {
    kind: r.kind as DocumentKind,
    status: r.status as DocumentStatus,
    number: r.number,
    language,
    title: r.title ?? kindTitle(r.kind as DocumentKind, language),
    accountId: r.account_id,
    accountName: r.account_name,
    projectId: r.project_id,
    projectName: r.project_name,
    issueDate: r.issue_date,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    currency: r.currency,
    totalMinor: r.total_minor,
    sentAt: r.sent_at,
    cancelledAt: r.cancelled_at,
    renewal: r.renewal,
    renewalTerms: r.renewal_terms,
    renewsId: r.renews_id,
    renewedById: r.renewed_by_id,
    can: documentAbilities(actor, r),
  });
}

export function presentDocument(r: DocumentRow, lines: DocumentLineRow[], pdfSha256: string | null, actor: Actor): Document {
  return Object.assign(presentDocumentSummary(r, actor), {
    lines: lines.map(presentLine),
    subtotalMinor: r.subtotal_minor,
    taxMinor: r.tax_minor,
    notes: r.notes,
    cancelReason: r.cancel_reason,
    pdfSha256,
    report: r.report ? (JSON.parse(r.report) as StatusReportFacts) : null,
  });
}

type EventRow = Awaited<ReturnType<DocumentRepository['events']>>[number];

export function presentEvent(e: EventRow): DocumentEvent {
  const data = JSON.parse(e.data) as { number?: string; reason?: string; recipients?: string[] };
  return {
    id: e.id,
    kind: e.kind as DocumentEvent['kind'],
    at: e.at,
    actorId: e.actor_id,
    actorName: e.actor_name,
    number: data.number ?? null,
    reason: data.reason ?? null,
    recipients: data.recipients ?? [],
    email: e.email_status ? { status: e.email_status, attempts: e.email_attempts ?? 0, lastError: e.email_error } : null,
  };
}
