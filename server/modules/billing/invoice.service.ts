import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Invoice, InvoiceCreateSchema, InvoiceListQuery, InvoiceUpdateSchema } from '../../../common/schemas/invoice.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, conflictIf, fieldError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { searchText } from '../../lib/text.js';
import {
  assertCanCreateInvoices,
  assertCanManageBilling,
  assertSeesBilling,
  canReadInvoice,
  invoiceEditRefusal,
  owningAccount,
  type Actor,
} from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import { recordAudit, updateVersioned } from '../audit/index.js';
import type { ProjectService } from '../projects/index.js';
import type { BillingSettingsService } from './billing.settings.js';
import { accountDiscountOf, withAccountDiscount, type InvoiceDiscountSource } from './invoice.discount.js';
import { assertNotNegative, pricedLines, scaleLines, type ScaledLine } from './invoice.lines.js';
import { presentInvoice, presentInvoiceSummary, type InvoiceRow } from './invoice.presenter.js';
import { InvoiceRepository } from './invoice.repository.js';

type NewInvoice = z.output<typeof InvoiceCreateSchema>;

/** What a draft invoice is made of when another record (a signed act) gives its lines. */
export interface InvoiceSource {
  accountId: string;
  projectId: string | null;
  currency: string;
  lines: ScaledLine[];
  notes: string | null;
  sourceDocumentId: string | null;
}
type InvoiceChanges = z.output<typeof InvoiceUpdateSchema>;

/** Invoices as drafts and as records to read; issuing, voiding and crediting live in InvoiceLifecycle. */
export class InvoiceService {
  private readonly repo: InvoiceRepository;
  private readonly discountSources: InvoiceDiscountSource[] = [];

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly settings: BillingSettingsService,
    private readonly accounts: AccountService,
    private readonly projects: ProjectService,
  ) {
    this.repo = new InvoiceRepository(db);
  }

  async list(actor: Actor, query: InvoiceListQuery) {
    assertSeesBilling(actor);
    const today = await this.settings.today();
    const page = await this.repo.list(actor, query, today);
    return { items: page.items.map((r) => presentInvoiceSummary(r, today, actor)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<Invoice> {
    const row = await this.readable(actor, id);
    return this.present(actor, row);
  }

  /** The invoice if the actor may read it; 404 otherwise, as if it did not exist. */
  async readable(actor: Actor, id: string, trx: Kysely<DB> = this.db): Promise<InvoiceRow> {
    const row = await this.repo.findById(id, trx);
    if (!row || !canReadInvoice(actor, owningAccount(row), row)) throw notFound('invoice');
    return row;
  }

  /** The invoice if the actor may change it: 404 when hidden, 403 when read-only for them. */
  async manageable(actor: Actor, id: string, trx: Kysely<DB>): Promise<InvoiceRow> {
    const row = await this.readable(actor, id, trx);
    assertCanManageBilling(actor, owningAccount(row));
    return row;
  }

  /** The invoice with its lines as `actor` sees it. */
  async present(actor: Actor, row: InvoiceRow, trx: Kysely<DB> = this.db): Promise<Invoice> {
    const lines = await this.repo.linesOf([row.id], trx);
    return presentInvoice(row, lines.get(row.id)!, await this.settings.today(trx), actor);
  }

  /** Lines of many invoices in one query (for emails and attachments). */
  linesOf(ids: string[], trx: Kysely<DB> = this.db) {
    return this.repo.linesOf(ids, trx);
  }

  /** Refuses to delete an account that has invoices: money records are never deleted. */
  async assertNoInvoices(trx: Kysely<DB>, accountId: string): Promise<void> {
    if (await this.repo.anyOfAccount(trx, accountId)) {
      throw conflict('account.has_invoices');
    }
  }

  /** Another module's discount (loyalty), added as a line to every new draft of the account. */
  addDiscountSource(source: InvoiceDiscountSource): void {
    this.discountSources.push(source);
  }

  /** A draft in the account's currency; nothing is numbered or owed until it is issued. */
  async create(actor: Actor, input: NewInvoice): Promise<Invoice> {
    return this.db.transaction().execute(async (t) => {
      assertCanCreateInvoices(actor);
      const account = await this.accounts.findOwned(input.accountId, t);
      if (!account) throw fieldError('accountId', 'account.no_such_account');
      assertCanManageBilling(actor, account);
      if (input.projectId) await this.projects.assertOfAccount(t, input.projectId, account.id);
      return this.insertDraft(t, actor, {
        accountId: account.id,
        projectId: input.projectId ?? null,
        currency: account.currency,
        lines: scaleLines(input.lines),
        notes: input.notes ?? null,
        sourceDocumentId: null,
      });
    });
  }

  /**
   * A draft made from a document (a signed act) in the caller's transaction: its lines, its
   * currency and project, and a reference to it. The caller has checked who may. A second live
   * invoice for the same document breaks a unique index (the caller answers 409).
   */
  async createFromDocument(t: Kysely<DB>, actor: Actor, source: InvoiceSource): Promise<Invoice> {
    assertCanCreateInvoices(actor);
    return this.insertDraft(t, actor, source);
  }

  private async insertDraft(t: Kysely<DB>, actor: Actor, d: InvoiceSource): Promise<Invoice> {
    const id = newId();
    const discount = await accountDiscountOf(this.discountSources, t, d.accountId);
    const { rows, totals } = pricedLines(id, withAccountDiscount(d.lines, discount));
    assertNotNegative(totals);
    const now = this.clock.now().toISOString();
    await this.repo.insert(
      t,
      {
        id,
        account_id: d.accountId,
        project_id: d.projectId,
        kind: 'invoice',
        status: 'draft',
        currency: d.currency,
        subtotal_minor: totals.subtotalMinor,
        tax_minor: totals.taxMinor,
        total_minor: totals.totalMinor,
        notes: d.notes,
        search_text: searchText(d.notes),
        source_document_id: d.sourceDocumentId,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      },
      rows,
    );
    const invoice = await this.present(actor, (await this.repo.findById(id, t))!, t);
    await recordAudit(t, { actorId: actor.id, recordType: 'invoice', recordId: id, action: 'create', after: invoice, at: now });
    return invoice;
  }

  /** Changes a draft. Once issued, lines and amounts are fixed: void it or issue a credit note. */
  async update(actor: Actor, id: string, changes: InvoiceChanges, expected?: number): Promise<Invoice> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.manageable(actor, id, t);
      conflictIf(invoiceEditRefusal(row));
      const before = await this.present(actor, row, t);
      if (changes.projectId) await this.projects.assertOfAccount(t, changes.projectId, row.account_id);
      const now = this.clock.now().toISOString();
      let totals = { subtotalMinor: row.subtotal_minor, taxMinor: row.tax_minor, totalMinor: row.total_minor };
      if (changes.lines) {
        const priced = pricedLines(id, scaleLines(changes.lines));
        assertNotNegative(priced.totals);
        await this.repo.replaceLines(t, id, priced.rows);
        totals = priced.totals;
      }
      const notes = changes.notes !== undefined ? changes.notes : row.notes;
      return updateVersioned(t, {
        table: 'invoices',
        id,
        version: expected ?? row.version,
        set: {
          project_id: changes.projectId,
          notes,
          search_text: searchText(notes),
          subtotal_minor: totals.subtotalMinor,
          tax_minor: totals.taxMinor,
          total_minor: totals.totalMinor,
          updated_at: now,
        },
        audit: { actorId: actor.id, recordType: 'invoice', before, at: now },
        after: async () => this.present(actor, (await this.repo.findById(id, t))!, t),
      });
    });
  }
}
