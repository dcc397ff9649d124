/** Converting between a document and the text its form edits; priced lines follow the invoice form's rules. */
import type { ContractRenewal, DocumentKind, Language } from '@common/enums';
import type { Document } from '@common/schemas/document';
import type { Conversion } from '../../lib/forms';
import { emptyLine, linesToValues, valuesToInvoice, type LineValues } from '../billing/invoice-form-values';

export interface DocumentFormValues {
  kind: DocumentKind;
  accountId: string;
  projectId: string;
  /** Empty: the account's language. */
  language: Language | '';
  title: string;
  periodFrom: string;
  periodTo: string;
  lines: LineValues[];
  notes: string;
  /** A contract's: what happens at the end of its term (empty: not stated), in words, and the contract it renews. */
  renewal: ContractRenewal | '';
  renewalTerms: string;
  renewsId: string;
}

/** Kinds that usually list priced work, so a new one starts with an empty line. */
const PRICED: readonly DocumentKind[] = ['act', 'proposal'];

/** A new document's values (from the page's search: where it was started from) or an existing draft's. */
export function documentToValues(
  doc: Document | undefined,
  start: { kind?: DocumentKind; accountId?: string; projectId?: string } = {},
): DocumentFormValues {
  if (!doc) {
    const kind = start.kind ?? 'contract';
    return {
      kind,
      accountId: start.accountId ?? '',
      projectId: start.projectId ?? '',
      language: '',
      title: '',
      periodFrom: '',
      periodTo: '',
      lines: PRICED.includes(kind) ? [emptyLine()] : [],
      notes: '',
      renewal: '',
      renewalTerms: '',
      renewsId: '',
    };
  }
  return {
    kind: doc.kind,
    accountId: doc.accountId,
    projectId: doc.projectId ?? '',
    language: doc.language,
    title: doc.title,
    periodFrom: doc.periodFrom ?? '',
    periodTo: doc.periodTo ?? '',
    lines: linesToValues(doc.lines, doc.currency),
    notes: doc.notes ?? '',
    renewal: doc.renewal ?? '',
    renewalTerms: doc.renewalTerms ?? '',
    renewsId: doc.renewsId ?? '',
  };
}

/** The API body: everything for a new document, only what a draft may change for an existing one. */
export function valuesToDocument(v: DocumentFormValues, currency: string, locale: string, creating: boolean): Conversion<unknown> {
  const { payload, errors } = valuesToInvoice({ accountId: v.accountId, lines: v.lines, notes: v.notes }, currency, locale);
  const common = {
    projectId: v.projectId || null,
    title: v.title.trim() || null,
    periodFrom: v.periodFrom || null,
    periodTo: v.periodTo || null,
    lines: payload.lines,
    notes: payload.notes,
    // renewal belongs to contracts only (the server refuses it on other kinds)
    ...(v.kind === 'contract'
      ? { renewal: v.renewal || null, renewalTerms: v.renewalTerms.trim() || null, renewsId: v.renewsId || null }
      : {}),
  };
  const body = creating
    ? { kind: v.kind, accountId: v.accountId, language: v.language || undefined, ...common }
    : { ...common, ...(v.language ? { language: v.language } : {}) };
  return { payload: body, errors };
}
