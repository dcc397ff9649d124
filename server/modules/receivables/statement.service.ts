import type { z } from 'zod';
import type { Statement, StatementQuerySchema } from '../../../common/schemas/receivables.js';
import type { Database } from '../../db/database.js';
import { toCsv } from '../../lib/csv.js';
import { addDays, daysBetween } from '../../lib/dates.js';
import { fieldError, notFound } from '../../lib/errors.js';
import { minorToDecimal } from '../../lib/money.js';
import { assertCanReadStatement, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import { StatementRepository } from './statement.repository.js';

type StatementQuery = z.output<typeof StatementQuerySchema>;

/** Longest period one statement covers, so a request stays bounded. */
const MAX_DAYS = 5 * 366;

const TYPE_LABELS = { invoice: 'Invoice', credit_note: 'Credit note', payment: 'Payment', payment_reversal: 'Payment reversed' } as const;

/** An account's statement: opening balance, invoices, credit notes, payments and reversals, closing balance. */
export class StatementService {
  private readonly repo: StatementRepository;

  constructor(
    db: Database,
    private readonly calendar: AgencyCalendar,
    private readonly accounts: AccountService,
  ) {
    this.repo = new StatementRepository(db);
  }

  async statement(actor: Actor, accountId: string, q: StatementQuery): Promise<Statement> {
    const account = await this.accounts.findOwned(accountId);
    if (!account) throw notFound('account');
    assertCanReadStatement(actor, account);
    const today = await this.calendar.today();
    const to = q.to ?? today;
    const from = q.from ?? addDays(to, -364);
    if (from > to) throw fieldError('from', 'validation.dates_order');
    if (daysBetween(from, to) > MAX_DAYS) throw fieldError('from', 'statement.too_long');
    const currency = q.currency ?? account.currency;
    const opening = await this.repo.balanceBefore(accountId, currency, from);
    let balance = opening;
    let invoiced = 0;
    let received = 0;
    const entries = (await this.repo.entries(accountId, currency, from, to)).map((r) => {
      balance += r.amount;
      if (r.type === 'invoice') invoiced += r.amount;
      if (r.type === 'payment') received -= r.amount;
      if (r.type === 'payment_reversal') received -= r.amount;
      return {
        date: r.date,
        type: r.type,
        reference: r.reference,
        invoiceId: r.invoice_id,
        paymentId: r.payment_id,
        debitMinor: Math.max(r.amount, 0),
        creditMinor: Math.max(-r.amount, 0),
        balanceMinor: balance,
      };
    });
    return {
      accountId,
      accountName: account.name,
      currency,
      from,
      to,
      openingBalanceMinor: opening,
      invoicedMinor: invoiced,
      receivedMinor: received,
      closingBalanceMinor: balance,
      entries,
    };
  }

  async csv(actor: Actor, accountId: string, q: StatementQuery): Promise<{ filename: string; body: string }> {
    const s = await this.statement(actor, accountId, q);
    const m = (v: number) => minorToDecimal(v, s.currency);
    const rows = [
      [s.from, 'Opening balance', null, null, null, m(s.openingBalanceMinor)],
      ...s.entries.map((e) => [
        e.date,
        TYPE_LABELS[e.type],
        e.reference,
        e.debitMinor ? m(e.debitMinor) : null,
        e.creditMinor ? m(e.creditMinor) : null,
        m(e.balanceMinor),
      ]),
      [s.to, 'Closing balance', null, null, null, m(s.closingBalanceMinor)],
    ];
    return {
      filename: `statement-${s.accountName}-${s.from}-${s.to}`,
      body: toCsv(['Date', 'Entry', 'Reference', `Debit (${s.currency})`, `Credit (${s.currency})`, `Balance (${s.currency})`], rows),
    };
  }
}
