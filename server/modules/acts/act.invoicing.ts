import { renderMessage } from '../../../common/messages/index.js';
import type { ActChainLink } from '../../../common/schemas/act.js';
import type { Invoice } from '../../../common/schemas/invoice.js';
import type { Language } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Clock } from '../../lib/clock.js';
import { conflictIf, forbidden, notFound } from '../../lib/errors.js';
import {
  assertSeesDocuments,
  canInvoiceDocuments,
  canReadAccount,
  canReadAccountBilling,
  invoiceFromDocumentRefusal,
  openBalance,
  owningAccount,
  type Actor,
} from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import { invoiceStatusOn, type InvoiceService } from '../billing/index.js';
import type { DocumentService } from '../documents/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import { ActRepository } from './act.repository.js';

type ChainRow = Awaited<ReturnType<ActRepository['chain']>>[number];

/** The invoice of a chain row (which has one), its status as shown today and what is still owed. */
function chainInvoice(r: ChainRow, today: string): NonNullable<ActChainLink['invoice']> {
  const state = {
    kind: r.invoice_kind!,
    status: r.invoice_status!,
    due_date: r.invoice_due_date,
    total_minor: r.invoice_total_minor!,
    paid_minor: r.invoice_paid_minor!,
    credited_minor: r.invoice_credited_minor!,
  };
  return {
    id: r.invoice_id!,
    number: r.invoice_number,
    status: invoiceStatusOn(state, today),
    currency: r.invoice_currency!,
    totalMinor: state.total_minor,
    paidMinor: state.paid_minor,
    balanceMinor: openBalance(state),
  };
}

/**
 * From a signed act to money: one call makes the invoice with every line of the act and a
 * reference to it (a draft, as every invoice starts; issuing it starts the follow-ups), and
 * the account's chain shows each act with its invoice and what is paid.
 */
export class ActInvoicing {
  private readonly repo: ActRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly calendar: AgencyCalendar,
    private readonly accounts: AccountService,
    private readonly documents: DocumentService,
    private readonly invoices: InvoiceService,
  ) {
    this.repo = new ActRepository(db);
  }

  /** The invoice for a signed act; 409 naming the existing one when the act already has a live invoice. */
  async invoice(actor: Actor, documentId: string): Promise<Invoice> {
    try {
      return await this.db.transaction().execute(async (t) => {
        const act = await this.documents.readable(actor, documentId, t);
        if (!canInvoiceDocuments(actor, owningAccount(act))) throw forbidden('access.billing_read_only');
        conflictIf(invoiceFromDocumentRefusal(act));
        const lines = await this.documents.lines(act.id, t);
        const invoice = await this.invoices.createFromDocument(t, actor, {
          accountId: act.account_id,
          projectId: act.project_id,
          currency: act.currency,
          lines: lines.map((l) => ({
            description: l.description,
            quantityMilli: l.quantity_milli,
            unitPriceMinor: l.unit_price_minor,
            taxBasisPoints: l.tax_basis_points,
          })),
          notes: renderMessage('document.invoice_notes', { number: act.number ?? act.id }, act.language as Language),
          sourceDocumentId: act.id,
        });
        await this.documents.recordInvoiced(t, actor, act.id, invoice.id, this.clock.now().toISOString());
        return invoice;
      });
    } catch (err) {
      // Another request made it first: name that invoice.
      if (!isUniqueViolation(err)) throw err;
      conflictIf(invoiceFromDocumentRefusal(await this.documents.readable(actor, documentId)));
      throw err;
    }
  }

  /** The account's acts, newest period first, each with its invoice (for those who see the account's invoices) and what is paid. */
  async chain(actor: Actor, accountId: string, limit: number): Promise<ActChainLink[]> {
    assertSeesDocuments(actor);
    const account = await this.accounts.findOwned(accountId);
    if (!account || !canReadAccount(actor, account)) throw notFound('account');
    const billing = canReadAccountBilling(actor, account);
    const today = await this.calendar.today();
    const rows = await this.repo.chain(actor, accountId, limit);
    return rows.map((r) => ({
      act: {
        id: r.id,
        number: r.number,
        status: r.status as ActChainLink['act']['status'],
        projectId: r.project_id,
        projectName: r.project_name,
        periodFrom: r.period_from,
        periodTo: r.period_to,
        currency: r.currency,
        totalMinor: r.total_minor,
      },
      invoice: billing && r.invoice_id ? chainInvoice(r, today) : null,
    }));
  }
}
