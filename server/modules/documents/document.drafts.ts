import type { Insertable, Kysely } from 'kysely';
import type { StatusReportFacts } from '../../../common/schemas/document.js';
import type { Language } from '../../../common/enums.js';
import type { DB } from '../../db/schema.js';
import type { DocumentLinesTable, DocumentsTable } from '../../db/tables/documents.js';
import { newId } from '../../lib/ids.js';
import { priceLines, type ScaledLine } from '../../lib/lines.js';
import { searchText } from '../../lib/text.js';
import { recordAudit } from '../audit/index.js';
import type { DocumentRepository, DocumentRow } from './document.repository.js';

/** What a status report is made of: its project, the language it is worded in, its facts. */
export interface NewStatusReport {
  accountId: string;
  accountName: string;
  projectId: string;
  projectName: string;
  language: Language;
  currency: string;
  facts: StatusReportFacts;
}

/** What a proposal's registry document is made of: a sent version's priced lines (discounts as negative lines) and validity. */
export interface NewProposalDocument {
  accountId: string;
  accountName: string;
  language: Language;
  currency: string;
  title: string;
  validUntil: string;
  lines: ScaledLine[];
  notes: string | null;
}

type DraftRow = Omit<Insertable<DocumentsTable>, 'id' | 'status' | 'created_by' | 'created_at' | 'updated_at'>;

/**
 * Drafts other modules generate (status reports, proposals) rather than a person typing them: each is
 * written with its `created` event and audit entry in the caller's transaction. `by` is null when a
 * schedule made it.
 */
export class GeneratedDrafts {
  constructor(
    private readonly repo: DocumentRepository,
    private readonly now: () => string,
  ) {}

  insertReport(t: Kysely<DB>, r: NewStatusReport, by: string | null): Promise<DocumentRow> {
    const row: DraftRow = {
      kind: 'status_report',
      account_id: r.accountId,
      project_id: r.projectId,
      language: r.language,
      title: null,
      period_from: r.facts.periodFrom,
      period_to: r.facts.periodTo,
      currency: r.currency,
      notes: null,
      report: JSON.stringify(r.facts),
      search_text: searchText(r.accountName, r.projectName),
    };
    return this.insert(t, row, [], by, { kind: 'status_report', ...r.facts });
  }

  insertProposal(t: Kysely<DB>, p: NewProposalDocument, by: string): Promise<DocumentRow> {
    const { rows, totals } = priceLines(p.lines);
    const row: DraftRow = {
      kind: 'proposal',
      account_id: p.accountId,
      project_id: null,
      language: p.language,
      title: p.title,
      period_from: null,
      period_to: p.validUntil,
      currency: p.currency,
      subtotal_minor: totals.subtotalMinor,
      tax_minor: totals.taxMinor,
      total_minor: totals.totalMinor,
      notes: p.notes,
      search_text: searchText(p.title, p.accountName),
    };
    return this.insert(t, row, rows, by, { kind: 'proposal', title: p.title });
  }

  private async insert(
    t: Kysely<DB>,
    row: DraftRow,
    lines: Omit<Insertable<DocumentLinesTable>, 'document_id'>[],
    by: string | null,
    audited: Record<string, unknown>,
  ): Promise<DocumentRow> {
    const id = newId();
    const now = this.now();
    await this.repo.insert(
      t,
      { ...row, id, status: 'draft', created_by: by, created_at: now, updated_at: now },
      lines.map((l) => ({ ...l, document_id: id })),
    );
    await this.repo.insertEvent(t, { id: newId(), document_id: id, kind: 'created', at: now, actor_id: by, email_id: null });
    await recordAudit(t, { actorId: by, recordType: 'document', recordId: id, action: 'create', after: audited, at: now });
    return (await this.repo.findById(id, t))!;
  }
}
