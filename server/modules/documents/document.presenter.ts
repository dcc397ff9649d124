import type { DocumentKind, DocumentStatus, Language } from '../../../common/enums.js';
import type { Document, DocumentEvent, DocumentSummary, DocumentVersion } from '../../../common/schemas/document.js';
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
    signedAt: r.signed_at,
    declinedAt: r.declined_at,
    invoice: r.invoice_id ? { id: r.invoice_id, number: r.invoice_number } : null,
    can: documentAbilities(actor, r),
  });
}

type VersionRow = Awaited<ReturnType<DocumentRepository['versionsOf']>>[number];

const presentVersion = (v: VersionRow): DocumentVersion => ({
  seq: v.seq,
  purpose: v.purpose as DocumentVersion['purpose'],
  sha256: v.sha256,
  byteSize: v.byte_size,
  createdAt: v.created_at,
});

/** Who signed and declined: the name, time and way for everyone who reads it; the user and address for staff only. */
function signatureParts(r: DocumentRow, actor: Actor) {
  const staff = actor.role !== 'client';
  return {
    signature:
      r.signed_at && r.signer_name && r.signed_via
        ? {
            via: r.signed_via,
            name: r.signer_name,
            at: r.signed_at,
            userId: staff ? r.signed_by : null,
            ipAddress: staff ? r.signer_ip : null,
          }
        : null,
    declination:
      r.declined_at && r.decline_reason
        ? {
            name: r.decliner_name,
            at: r.declined_at,
            reason: r.decline_reason,
            userId: staff ? r.declined_by : null,
            ipAddress: staff ? r.decliner_ip : null,
          }
        : null,
  };
}

export function presentDocument(r: DocumentRow, lines: DocumentLineRow[], versions: VersionRow[], actor: Actor): Document {
  return Object.assign(presentDocumentSummary(r, actor), {
    lines: lines.map(presentLine),
    subtotalMinor: r.subtotal_minor,
    taxMinor: r.tax_minor,
    notes: r.notes,
    cancelReason: r.cancel_reason,
    pdfSha256: versions.at(-1)?.sha256 ?? null,
    versions: versions.map(presentVersion),
    ...signatureParts(r, actor),
  });
}

type EventRow = Awaited<ReturnType<DocumentRepository['events']>>[number];

export function presentEvent(e: EventRow): DocumentEvent {
  const data = JSON.parse(e.data) as { number?: string; reason?: string; recipients?: string[]; signer?: string; invoiceId?: string };
  return {
    id: e.id,
    kind: e.kind as DocumentEvent['kind'],
    at: e.at,
    actorId: e.actor_id,
    actorName: e.actor_name,
    number: data.number ?? null,
    reason: data.reason ?? null,
    recipients: data.recipients ?? [],
    signer: data.signer ?? null,
    invoiceId: data.invoiceId ?? null,
    email: e.email_status ? { status: e.email_status, attempts: e.email_attempts ?? 0, lastError: e.email_error } : null,
  };
}
