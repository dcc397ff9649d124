import type { ExpressionBuilder, Insertable, Kysely, Selectable } from 'kysely';
import type { DocumentListQuery } from '../../../common/schemas/document.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { DocumentEventsTable, DocumentLinesTable, DocumentsTable, DocumentVersionsTable } from '../../db/tables/documents.js';
import { addDays } from '../../lib/dates.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';
import { matchesText } from '../../lib/text.js';
import { documentScope, type Actor } from '../access/index.js';

/** A document with its account's name and ownership columns, its project's name, the live invoice made from it and the contract renewing it, as every query here selects it. */
export type DocumentRow = Selectable<DocumentsTable> & {
  account_name: string;
  renewed_by_id: string | null;
  owner_id: string | null;
  backup_owner_id: string | null;
  project_name: string | null;
  invoice_id: string | null;
  invoice_number: string | null;
  decliner_name: string | null;
};
export type DocumentLineRow = Selectable<DocumentLinesTable>;
export type DocumentVersionRow = Selectable<DocumentVersionsTable>;

const SORTS = {
  '-createdAt': ['created_at', 'desc'],
  createdAt: ['created_at', 'asc'],
  '-issueDate': ['issue_date', 'desc'],
  issueDate: ['issue_date', 'asc'],
} as const;
const CURSOR_KINDS = { created_at: 'timestamp', issue_date: 'date' } as const;

/** Statuses in which a contract is in force (or, renewing another, has replaced it). */
export const CONTRACT_IN_FORCE = ['sent', 'signed'] as const;

/** A sent or signed contract that renews this document, if any. */
export const renewedBy = (eb: ExpressionBuilder<DB, 'documents'>) =>
  eb
    .selectFrom('documents as renewal')
    .select('renewal.id')
    .whereRef('renewal.renews_id', '=', 'documents.id')
    .where('renewal.status', 'in', CONTRACT_IN_FORCE)
    .limit(1);

export class DocumentRepository {
  constructor(private readonly db: Database) {}

  private withRefs(trx: Kysely<DB> = this.db) {
    return (
      trx
        .selectFrom('documents')
        .innerJoin('accounts', 'accounts.id', 'documents.account_id')
        .leftJoin('projects', 'projects.id', 'documents.project_id')
        // at most one invoice that is not void per document (a unique index)
        .leftJoin('invoices', (j) => j.onRef('invoices.source_document_id', '=', 'documents.id').on('invoices.status', '<>', 'void'))
        .leftJoin('users as decliner', 'decliner.id', 'documents.declined_by')
        .selectAll('documents')
        .select([
          'accounts.name as account_name',
          'accounts.owner_id',
          'accounts.backup_owner_id',
          'projects.name as project_name',
          'invoices.id as invoice_id',
          'invoices.number as invoice_number',
          'decliner.name as decliner_name',
        ])
        .select((eb) => renewedBy(eb).as('renewed_by_id'))
    );
  }

  findById(id: string, trx: Kysely<DB> = this.db): Promise<DocumentRow | undefined> {
    return this.withRefs(trx).where('documents.id', '=', id).executeTakeFirst();
  }

  /** The filtered documents the actor may read, in the asked order (no paging). */
  private filtered(actor: Actor, f: Omit<DocumentListQuery, 'limit' | 'cursor'>) {
    const [column, dir] = SORTS[f.sort];
    let q = this.withRefs()
      .where((eb) => documentScope(actor, eb as unknown as ExpressionBuilder<DB, 'documents'>))
      .orderBy(`documents.${column}`, dir)
      .orderBy('documents.id', dir);
    if (column === 'issue_date') q = q.where('documents.issue_date', 'is not', null);
    if (f.kind) q = q.where('documents.kind', '=', f.kind);
    if (f.status) q = q.where('documents.status', '=', f.status);
    if (f.accountId) q = q.where('documents.account_id', '=', f.accountId);
    if (f.projectId) q = q.where('documents.project_id', '=', f.projectId);
    if (f.q) q = q.where(matchesText('documents.search_text', f.q));
    if (f.endingBefore) {
      // what is ending: contracts in force, not renewed, whose term ends by then
      q = q
        .where('documents.kind', '=', 'contract')
        .where('documents.status', 'in', CONTRACT_IN_FORCE)
        .where('documents.period_to', '<=', f.endingBefore)
        .where((eb) => eb.not(eb.exists(renewedBy(eb as unknown as ExpressionBuilder<DB, 'documents'>))));
    }
    // The period is the document's date: its issue date once sent, the day it was drafted before.
    if (f.from) {
      const from = f.from;
      q = q.where((eb) =>
        eb.or([
          eb('documents.issue_date', '>=', from),
          eb.and([eb('documents.issue_date', 'is', null), eb('documents.created_at', '>=', `${from}T00:00:00.000Z`)]),
        ]),
      );
    }
    if (f.to) {
      const to = f.to;
      q = q.where((eb) =>
        eb.or([
          eb('documents.issue_date', '<=', to),
          eb.and([eb('documents.issue_date', 'is', null), eb('documents.created_at', '<', `${addDays(to, 1)}T00:00:00.000Z`)]),
        ]),
      );
    }
    return { q, column, dir };
  }

  async list(actor: Actor, f: DocumentListQuery) {
    const { q, column, dir } = this.filtered(actor, f);
    const pos = decodeCursor(f.cursor, CURSOR_KINDS[column]);
    const page = pos ? q.where((eb) => afterCursor(eb, `documents.${column}`, 'documents.id', dir, pos)) : q;
    return toPage(await page.limit(f.limit + 1).execute(), f.limit, (r) => ({ v: r[column]!, id: r.id }));
  }

  async insert(trx: Kysely<DB>, row: Insertable<DocumentsTable>, lines: Insertable<DocumentLinesTable>[]): Promise<void> {
    await trx.insertInto('documents').values(row).execute();
    if (lines.length) await trx.insertInto('document_lines').values(lines).execute();
  }

  async replaceLines(trx: Kysely<DB>, documentId: string, lines: Insertable<DocumentLinesTable>[]): Promise<void> {
    await trx.deleteFrom('document_lines').where('document_id', '=', documentId).execute();
    if (lines.length) await trx.insertInto('document_lines').values(lines).execute();
  }

  linesOf(documentId: string, trx: Kysely<DB> = this.db): Promise<DocumentLineRow[]> {
    return trx.selectFrom('document_lines').selectAll().where('document_id', '=', documentId).orderBy('position').execute();
  }

  async insertVersion(trx: Kysely<DB>, row: Insertable<DocumentVersionsTable>): Promise<void> {
    await trx.insertInto('document_versions').values(row).execute();
  }

  /** The newest frozen version (the one a send attaches and the PDF endpoint returns). */
  latestVersion(documentId: string, trx: Kysely<DB> = this.db): Promise<DocumentVersionRow | undefined> {
    return trx
      .selectFrom('document_versions')
      .selectAll()
      .where('document_id', '=', documentId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** Every frozen version without its bytes, oldest first. */
  versionsOf(documentId: string, trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('document_versions')
      .select(['id', 'seq', 'purpose', 'sha256', 'byte_size', 'created_at'])
      .where('document_id', '=', documentId)
      .orderBy('seq')
      .execute();
  }

  findVersionBySeq(documentId: string, seq: number, trx: Kysely<DB> = this.db): Promise<DocumentVersionRow | undefined> {
    return trx.selectFrom('document_versions').selectAll().where('document_id', '=', documentId).where('seq', '=', seq).executeTakeFirst();
  }

  findVersion(id: string, trx: Kysely<DB> = this.db): Promise<DocumentVersionRow | undefined> {
    return trx.selectFrom('document_versions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Stores a version's bytes once: the first render wins, later ones change nothing. */
  async storePdf(versionId: string, pdf: Buffer, sha256: string): Promise<void> {
    await this.db
      .updateTable('document_versions')
      .set({ pdf, sha256, byte_size: pdf.length })
      .where('id', '=', versionId)
      .where('pdf', 'is', null)
      .execute();
  }

  async insertEvent(trx: Kysely<DB>, row: Insertable<DocumentEventsTable>): Promise<void> {
    await trx.insertInto('document_events').values(row).execute();
  }

  /** The history, oldest first, with who did each step and the delivery state of each email. */
  events(documentId: string) {
    return this.db
      .selectFrom('document_events')
      .leftJoin('users', 'users.id', 'document_events.actor_id')
      .leftJoin('email_outbox', 'email_outbox.id', 'document_events.email_id')
      .select([
        'document_events.id',
        'document_events.kind',
        'document_events.at',
        'document_events.actor_id',
        'document_events.data',
        'users.name as actor_name',
        'email_outbox.status as email_status',
        'email_outbox.attempts as email_attempts',
        'email_outbox.last_error as email_error',
      ])
      .where('document_events.document_id', '=', documentId)
      .orderBy('document_events.at')
      .orderBy('document_events.id')
      .execute();
  }

  /** Whether the account has documents that were sent (those are records, never deleted with it). */
  async anySentOfAccount(trx: Kysely<DB>, accountId: string): Promise<boolean> {
    const row = await trx
      .selectFrom('documents')
      .select('id')
      .where('account_id', '=', accountId)
      .where('status', '<>', 'draft')
      .limit(1)
      .executeTakeFirst();
    return !!row;
  }
}
