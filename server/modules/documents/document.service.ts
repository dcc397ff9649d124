import type { Kysely } from 'kysely';
import type { Document, DocumentCreate, DocumentEvent, DocumentListQuery, DocumentUpdate } from '../../../common/schemas/document.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, conflictIf, fieldError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { priceLines, scaleLines, type LineInputBody } from '../../lib/lines.js';
import { searchText } from '../../lib/text.js';
import {
  assertCanCreateDocuments,
  assertCanManageDocuments,
  assertSeesDocuments,
  assertStaff,
  canReadAccount,
  canReadDocument,
  documentEditRefusal,
  owningAccount,
  type Actor,
} from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import { recordAudit, updateVersioned } from '../audit/index.js';
import type { ProjectService } from '../projects/index.js';
import type { DocumentPdfs } from './document.pdf.js';
import { presentDocument, presentDocumentSummary, presentEvent } from './document.presenter.js';
import { DocumentRepository, type DocumentLineRow, type DocumentRow } from './document.repository.js';
import { assertContractTerms } from './contract.terms.js';
import { GeneratedDrafts, type NewProposalDocument, type NewStatusReport } from './document.drafts.js';
import type { DocumentKind } from '../../../common/enums.js';

function pricing(lines: LineInputBody[] | undefined) {
  const { rows, totals } = priceLines(scaleLines(lines ?? []));
  if (totals.totalMinor < 0) throw fieldError('lines', 'document.negative_total');
  return { rows, totals };
}

/** The file name a PDF is saved under: kind, number, and which copy it is once signed. */
const pdfName = (row: DocumentRow, purpose: string | null) =>
  `${row.kind}-${(row.number ?? 'draft').replace(/[^\w.-]+/g, '-')}${purpose && purpose !== 'sent' ? `-${purpose}` : ''}.pdf`;

/** A period does not end before it starts; a contract's term ends after it starts (its end drives the renewal reminders). */
function assertPeriod(kind: DocumentKind, from: string | null | undefined, to: string | null | undefined): void {
  if (kind === 'contract' && from && to && to <= from) throw fieldError('periodTo', 'document.contract_end_after_start');
  if (from && to && to < from) throw fieldError('periodTo', 'document.period_order');
}

/** Documents as drafts and as records to read; sending and cancelling live in DocumentLifecycle. */
export class DocumentService {
  private readonly repo: DocumentRepository;
  private readonly drafts: GeneratedDrafts;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly accounts: AccountService,
    private readonly projects: ProjectService,
    private readonly pdfs: DocumentPdfs,
  ) {
    this.repo = new DocumentRepository(db);
    this.drafts = new GeneratedDrafts(this.repo, () => clock.now().toISOString());
  }

  async list(actor: Actor, query: DocumentListQuery) {
    assertSeesDocuments(actor);
    const page = await this.repo.list(actor, query);
    return { items: page.items.map((r) => presentDocumentSummary(r, actor)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<Document> {
    return this.present(actor, await this.readable(actor, id));
  }

  /** The document if the actor may read it; 404 otherwise, as if it did not exist. */
  async readable(actor: Actor, id: string, trx: Kysely<DB> = this.db): Promise<DocumentRow> {
    const row = await this.repo.findById(id, trx);
    if (!row || !canReadDocument(actor, owningAccount(row), row)) throw notFound('document');
    return row;
  }

  /** The document if the actor may change it: 404 when hidden, 403 when read-only for them. */
  async manageable(actor: Actor, id: string, trx: Kysely<DB>): Promise<DocumentRow> {
    const row = await this.readable(actor, id, trx);
    assertCanManageDocuments(actor, owningAccount(row));
    return row;
  }

  async present(actor: Actor, row: DocumentRow, trx: Kysely<DB> = this.db): Promise<Document> {
    const versions = row.status === 'draft' ? [] : await this.repo.versionsOf(row.id, trx);
    return presentDocument(row, await this.repo.linesOf(row.id, trx), versions, actor);
  }

  /** A draft in the account's language and currency unless told otherwise; nothing is numbered until it is sent. */
  async create(actor: Actor, input: DocumentCreate & { lines?: LineInputBody[] }): Promise<Document> {
    return this.db.transaction().execute(async (t) => this.createIn(t, actor, input));
  }

  /** `create` inside the caller's transaction (an act drafted from delivered work records its sources in the same one). */
  async createIn(t: Kysely<DB>, actor: Actor, input: DocumentCreate & { lines?: LineInputBody[] }): Promise<Document> {
    assertCanCreateDocuments(actor);
    assertPeriod(input.kind, input.periodFrom, input.periodTo);
    const account = await this.accounts.findOwned(input.accountId, t);
    // An account the actor cannot read answers like one that does not exist, so ids do not leak.
    if (!account || !canReadAccount(actor, account)) throw fieldError('accountId', 'account.no_such_account');
    assertCanManageDocuments(actor, account);
    const project = input.projectId ? await this.projects.find(input.projectId, t) : undefined;
    if (input.projectId) await this.projects.assertOfAccount(t, input.projectId, account.id);
    await assertContractTerms(t, this.repo, { id: null, kind: input.kind, accountId: account.id }, input);
    const id = newId();
    const { rows, totals } = pricing(input.lines);
    const now = this.clock.now().toISOString();
    await this.repo.insert(
      t,
      {
        id,
        kind: input.kind,
        status: 'draft',
        account_id: account.id,
        project_id: input.projectId ?? null,
        language: input.language ?? account.language,
        title: input.title ?? null,
        period_from: input.periodFrom ?? null,
        period_to: input.periodTo ?? null,
        currency: project?.currency ?? account.currency,
        subtotal_minor: totals.subtotalMinor,
        tax_minor: totals.taxMinor,
        total_minor: totals.totalMinor,
        notes: input.notes ?? null,
        renewal: input.renewal ?? null,
        renewal_terms: input.renewalTerms ?? null,
        renews_id: input.renewsId ?? null,
        search_text: searchText(input.title, account.name, project?.name),
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      },
      rows.map((r) => ({ ...r, document_id: id })),
    );
    await this.repo.insertEvent(t, { id: newId(), document_id: id, kind: 'created', at: now, actor_id: actor.id, email_id: null });
    const doc = await this.present(actor, (await this.repo.findById(id, t))!, t);
    await recordAudit(t, { actorId: actor.id, recordType: 'document', recordId: id, action: 'create', after: doc, at: now });
    return doc;
  }

  /** A status report's draft with its facts, in the caller's transaction (the caller decided who may make it). */
  insertReport(t: Kysely<DB>, r: NewStatusReport, by: string | null): Promise<DocumentRow> {
    return this.drafts.insertReport(t, r, by);
  }

  /** A proposal's document as a draft, in the caller's transaction (the proposals module sends it at once). */
  insertProposal(t: Kysely<DB>, p: NewProposalDocument, by: string): Promise<DocumentRow> {
    return this.drafts.insertProposal(t, p, by);
  }

  /** Changes a draft; from `sent` on the content is frozen (409). */
  async update(actor: Actor, id: string, changes: DocumentUpdate & { lines?: LineInputBody[] }, expected?: number): Promise<Document> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.manageable(actor, id, t);
      conflictIf(documentEditRefusal(row));
      const before = await this.present(actor, row, t);
      if (changes.projectId) await this.projects.assertOfAccount(t, changes.projectId, row.account_id);
      const periodFrom = changes.periodFrom !== undefined ? changes.periodFrom : row.period_from;
      const periodTo = changes.periodTo !== undefined ? changes.periodTo : row.period_to;
      assertPeriod(row.kind as DocumentKind, periodFrom, periodTo);
      const kept = <T>(change: T | undefined, current: T) => (change !== undefined ? change : current);
      const renewal = kept(changes.renewal, row.renewal);
      const renewalTerms = kept(changes.renewalTerms, row.renewal_terms);
      const renewsId = kept(changes.renewsId, row.renews_id);
      await assertContractTerms(
        t,
        this.repo,
        { id, kind: row.kind as DocumentKind, accountId: row.account_id },
        { renewal, renewalTerms, renewsId },
      );
      let totals = { subtotalMinor: row.subtotal_minor, taxMinor: row.tax_minor, totalMinor: row.total_minor };
      if (changes.lines) {
        const priced = pricing(changes.lines);
        await this.repo.replaceLines(
          t,
          id,
          priced.rows.map((r) => ({ ...r, document_id: id })),
        );
        totals = priced.totals;
      }
      const title = changes.title !== undefined ? changes.title : row.title;
      const now = this.clock.now().toISOString();
      const after = await updateVersioned(t, {
        table: 'documents',
        id,
        version: expected ?? row.version,
        set: {
          project_id: changes.projectId,
          language: changes.language,
          title,
          period_from: periodFrom,
          period_to: periodTo,
          notes: changes.notes,
          renewal,
          renewal_terms: renewalTerms,
          renews_id: renewsId,
          subtotal_minor: totals.subtotalMinor,
          tax_minor: totals.taxMinor,
          total_minor: totals.totalMinor,
          search_text: searchText(title, row.account_name, row.project_name),
          updated_at: now,
        },
        audit: { actorId: actor.id, recordType: 'document', before, at: now },
        after: async () => this.present(actor, (await this.repo.findById(id, t))!, t),
      });
      await this.repo.insertEvent(t, { id: newId(), document_id: id, kind: 'updated', at: now, actor_id: actor.id, email_id: null });
      return after;
    });
  }

  /** The document's priced lines, in order (an invoice made from a signed act copies them). */
  lines(id: string, trx: Kysely<DB> = this.db): Promise<DocumentLineRow[]> {
    return this.repo.linesOf(id, trx);
  }

  /** Records in the document's history that an invoice was made from it, in the caller's transaction. */
  async recordInvoiced(t: Kysely<DB>, actor: Actor, id: string, invoiceId: string, at: string): Promise<void> {
    await this.repo.insertEvent(t, {
      id: newId(),
      document_id: id,
      kind: 'invoiced',
      at,
      actor_id: actor.id,
      email_id: null,
      data: JSON.stringify({ invoiceId }),
    });
  }

  /** Its history (staff only: clients see the document, not who worked on it). */
  async history(actor: Actor, id: string): Promise<DocumentEvent[]> {
    assertStaff(actor);
    await this.readable(actor, id);
    return (await this.repo.events(id)).map(presentEvent);
  }

  /** The PDF: the newest frozen bytes once sent (the signed copy once signed), a live draft rendering before. */
  async pdf(actor: Actor, id: string): Promise<{ bytes: Buffer; filename: string }> {
    const row = await this.readable(actor, id);
    if (row.status === 'draft') return { bytes: await this.pdfs.draft(this.db, row), filename: pdfName(row, null) };
    const version = await this.repo.latestVersion(row.id);
    if (!version) throw conflict('document.changed_meanwhile');
    return { bytes: await this.pdfs.frozen(version.id), filename: pdfName(row, version.purpose) };
  }

  /** One frozen version's bytes (1 = as sent), kept as they were whatever came after. */
  async versionPdf(actor: Actor, id: string, seq: number): Promise<{ bytes: Buffer; filename: string }> {
    const row = await this.readable(actor, id);
    const version = await this.repo.findVersionBySeq(row.id, seq);
    if (!version) throw notFound('document');
    return { bytes: await this.pdfs.frozen(version.id), filename: pdfName(row, version.purpose) };
  }

  /** Refuses to delete an account whose documents were sent: they are records (drafts go with it). */
  async assertNoSentDocuments(trx: Kysely<DB>, accountId: string): Promise<void> {
    if (await this.repo.anySentOfAccount(trx, accountId)) throw conflict('account.has_documents');
  }
}
