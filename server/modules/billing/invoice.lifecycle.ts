import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CreditNoteCreateSchema, CreditWarning, Invoice } from '../../../common/schemas/invoice.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { isUniqueViolation } from '../../db/errors.js';
import { nextDocumentNumber } from '../../db/sequences.js';
import type { Clock } from '../../lib/clock.js';
import { addDays } from '../../lib/dates.js';
import { badRequest, conflict, conflictIf, fieldError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { negateLines } from '../../lib/money.js';
import { searchText } from '../../lib/text.js';
import { creditNoteRefusal, invoiceIssueRefusal, invoiceVoidRefusal, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import { recordAudit, updateVersioned } from '../audit/index.js';
import type { ClientNotifier } from '../notifications/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { BillingService } from './billing.service.js';
import type { BillingSettingsService } from './billing.settings.js';
import { pricedLines, scaleLines, type ScaledLine } from './invoice.lines.js';
import { openBalance, type InvoiceRow } from './invoice.presenter.js';
import { InvoiceRepository } from './invoice.repository.js';
import type { InvoiceService } from './invoice.service.js';

type NewCreditNote = z.output<typeof CreditNoteCreateSchema>;

/** Issuing (numbering), voiding and crediting: the steps after which an invoice's amounts are fixed. */
export class InvoiceLifecycle {
  private readonly rows: InvoiceRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly settings: BillingSettingsService,
    private readonly invoices: InvoiceService,
    private readonly accounts: AccountService,
    private readonly billing: BillingService,
    private readonly timeline: TimelineLog,
    private readonly notifier: ClientNotifier,
  ) {
    this.rows = new InvoiceRepository(db);
  }

  /**
   * Issues a draft: assigns the next gap-free number of the issue year, fixes the issue and
   * due dates, and returns the credit warnings that applied (the page showed them before).
   */
  async issue(
    actor: Actor,
    id: string,
    issueDate: string | undefined,
    expected?: number,
  ): Promise<Invoice & { warnings: CreditWarning[] }> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.invoices.manageable(actor, id, t);
      conflictIf(invoiceIssueRefusal(row));
      const settings = await this.settings.load(t);
      const today = await this.settings.today(t);
      const date = issueDate ?? today;
      if (date > today) throw fieldError('issueDate', 'invoice.issue_date_future');
      const account = (await this.accounts.findOwned(row.account_id, t))!;
      const warnings = await this.billing.exposureWarnings(row.account_id, row.total_minor, t, actor.language);
      const number = await nextDocumentNumber(t, 'invoice', settings.invoiceNumberFormat, date);
      const now = this.clock.now().toISOString();
      const after = await updateVersioned(t, {
        table: 'invoices',
        id,
        version: expected ?? row.version,
        set: {
          status: 'issued',
          number,
          issue_date: date,
          due_date: addDays(date, account.payment_terms_days),
          issued_at: now,
          issued_by: actor.id,
          search_text: searchText(number, row.notes),
          updated_at: now,
        },
        audit: { actorId: actor.id, recordType: 'invoice', before: { status: 'draft', number: null }, at: now },
        after: async () => this.invoices.present(actor, (await this.rows.findById(id, t))!, t),
      }).catch((err) => {
        // Only a number format changed to one that repeats earlier numbers can collide.
        if (isUniqueViolation(err)) throw conflict('invoice.number_taken', { number });
        throw err;
      });
      await this.timeline.recordEvent(t, {
        accountId: row.account_id,
        kind: 'invoice_issued',
        actorId: actor.id,
        occurredAt: now,
        data: { invoiceId: id, number, totalMinor: row.total_minor, currency: row.currency, dueDate: after.dueDate },
      });
      const params = { number, total: row.total_minor, currency: row.currency, due: after.dueDate };
      await this.notifier.notifyClients(
        { accountId: row.account_id, kind: 'invoice_issued', subjectId: id, path: '/portal/invoices', params },
        t,
      );
      return { ...after, warnings };
    });
  }

  /** Voids a draft or an unpaid invoice (its number stays taken); a voided credit note gives its amount back. */
  async void(actor: Actor, id: string, reason: string, expected?: number): Promise<Invoice> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.invoices.manageable(actor, id, t);
      conflictIf(invoiceVoidRefusal(row));
      const now = this.clock.now().toISOString();
      if (row.kind === 'credit_note') await this.unapplyCreditNote(t, row, now);
      const after = await updateVersioned(t, {
        table: 'invoices',
        id,
        version: expected ?? row.version,
        set: {
          status: 'void',
          voided_at: now,
          voided_by: actor.id,
          void_reason: reason,
          updated_at: now,
        },
        audit: { actorId: actor.id, recordType: 'invoice', before: { status: row.status }, at: now },
        after: async () => this.invoices.present(actor, (await this.rows.findById(id, t))!, t),
      });
      if (row.status !== 'draft') {
        await this.timeline.recordEvent(t, {
          accountId: row.account_id,
          kind: 'invoice_voided',
          actorId: actor.id,
          occurredAt: now,
          data: { invoiceId: id, number: row.number, reason },
        });
      }
      return after;
    });
  }

  /**
   * Issues a credit note: a numbered negative invoice linked to the original, which lowers the
   * original's balance. Without lines it credits the whole open balance (negating every line
   * exactly when nothing was paid or credited yet). It can never credit more than is owed.
   */
  async creditNote(actor: Actor, id: string, input: NewCreditNote): Promise<Invoice> {
    return this.db.transaction().execute(async (t) => {
      const original = await this.invoices.manageable(actor, id, t);
      conflictIf(creditNoteRefusal(original));
      const balance = openBalance(original);
      const lines = input.lines ? scaleLines(input.lines) : await this.wholeBalance(t, original, balance);
      const creditId = newId();
      const { rows, totals } = pricedLines(creditId, negateLines(lines));
      const amount = -totals.totalMinor;
      if (amount <= 0) throw fieldError('lines', 'invoice.credit_nothing');
      if (amount > balance) {
        throw badRequest('invoice.credit_over_balance', { amount, balance, currency: original.currency }, [
          { field: 'lines', code: 'invoice.credit_over_balance', params: { amount, balance, currency: original.currency } },
        ]);
      }
      const settings = await this.settings.load(t);
      const today = await this.settings.today(t);
      const number = await nextDocumentNumber(t, 'invoice', settings.invoiceNumberFormat, today);
      const now = this.clock.now().toISOString();
      await this.rows.insert(
        t,
        {
          id: creditId,
          account_id: original.account_id,
          project_id: original.project_id,
          kind: 'credit_note',
          credited_invoice_id: original.id,
          number,
          status: 'issued',
          issue_date: today,
          due_date: today,
          currency: original.currency,
          subtotal_minor: totals.subtotalMinor,
          tax_minor: totals.taxMinor,
          total_minor: totals.totalMinor,
          notes: input.reason,
          search_text: searchText(number, input.reason, original.number),
          created_by: actor.id,
          issued_at: now,
          issued_by: actor.id,
          created_at: now,
          updated_at: now,
        },
        rows,
      );
      if (!(await this.rows.settle(t, original.id, { paidDelta: 0, creditedDelta: amount, at: now }))) {
        throw conflict('invoice.changed_meanwhile');
      }
      const credit = await this.invoices.present(actor, (await this.rows.findById(creditId, t))!, t);
      await this.timeline.recordEvent(t, {
        accountId: original.account_id,
        kind: 'credit_note_issued',
        actorId: actor.id,
        occurredAt: now,
        data: {
          invoiceId: original.id,
          creditNoteId: creditId,
          number,
          creditedNumber: original.number,
          amountMinor: amount,
          currency: original.currency,
          reason: input.reason,
        },
      });
      await recordAudit(t, { actorId: actor.id, recordType: 'invoice', recordId: creditId, action: 'create', after: credit, at: now });
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'invoice',
        recordId: original.id,
        action: 'update',
        before: { creditedMinor: original.credited_minor },
        after: { creditedMinor: original.credited_minor + amount },
        at: now,
      });
      return credit;
    });
  }

  /** The lines that credit the whole open balance: the original's own lines when untouched, else one line. */
  private async wholeBalance(t: Kysely<DB>, original: InvoiceRow, balance: number): Promise<ScaledLine[]> {
    if (original.paid_minor === 0 && original.credited_minor === 0) {
      const lines = (await this.rows.linesOf([original.id], t)).get(original.id)!;
      return lines.map((l) => ({
        description: l.description,
        quantityMilli: l.quantity_milli,
        unitPriceMinor: l.unit_price_minor,
        taxBasisPoints: l.tax_basis_points,
      }));
    }
    return [{ description: `Balance of invoice ${original.number}`, quantityMilli: 1000, unitPriceMinor: balance, taxBasisPoints: 0 }];
  }

  /** Voiding a credit note puts its amount back on the invoice it corrected. */
  private async unapplyCreditNote(t: Kysely<DB>, credit: InvoiceRow, at: string): Promise<void> {
    if (!credit.credited_invoice_id) return;
    const ok = await this.rows.settle(t, credit.credited_invoice_id, { paidDelta: 0, creditedDelta: credit.total_minor, at });
    if (!ok) throw conflict('invoice.changed_meanwhile');
  }
}
