import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Payment, PaymentCreateSchema, PaymentListQuery } from '../../../common/schemas/payment.js';
import type { Database } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, badRequest, conflict, conflictIf, fieldError, notFound } from '../../lib/errors.js';
import { newId, sha256 } from '../../lib/ids.js';
import {
  assertCanManageBilling,
  assertSeesBilling,
  canReadInvoice,
  canReadPayment,
  owningAccount,
  paymentRefusal,
  paymentReversalRefusal,
  type Actor,
} from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { BillingSettingsService } from './billing.settings.js';
import { openBalance, type InvoiceRow } from './invoice.presenter.js';
import { InvoiceRepository } from './invoice.repository.js';
import type { InvoiceService } from './invoice.service.js';
import { presentPayment, type PaymentRow } from './payment.presenter.js';
import { PaymentRepository } from './payment.repository.js';

type NewPayment = z.output<typeof PaymentCreateSchema>;

/** The answer to a payment request; `replayed` when an earlier request with the same Idempotency-Key recorded it. */
export interface PaymentResult {
  payment: Payment;
  replayed: boolean;
}

/** Payments on issued invoices: partial or full, never more than is owed, reversed but never deleted. */
export class PaymentService {
  private readonly repo: PaymentRepository;
  private readonly rows: InvoiceRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly settings: BillingSettingsService,
    private readonly invoices: InvoiceService,
    private readonly timeline: TimelineLog,
  ) {
    this.repo = new PaymentRepository(db);
    this.rows = new InvoiceRepository(db);
  }

  async list(actor: Actor, query: PaymentListQuery) {
    assertSeesBilling(actor);
    const page = await this.repo.list(actor, query);
    return { items: page.items.map((r) => presentPayment(r, actor)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<Payment> {
    const row = await this.repo.findById(id);
    if (!row || !canReadPayment(actor, owningAccount(row))) throw notFound('payment');
    return presentPayment(row, actor);
  }

  /**
   * Records a payment and re-derives the invoice's status in the same transaction. With an
   * Idempotency-Key the same key never records twice: a repeat (even one racing the first)
   * answers the payment the first request recorded. The key is scoped to the caller.
   */
  async record(actor: Actor, input: NewPayment, idempotencyKey?: string): Promise<PaymentResult> {
    const key = idempotencyKey ? `${actor.id}:${idempotencyKey}` : null;
    const hash = sha256(
      JSON.stringify([
        input.invoiceId,
        input.amountMinor,
        input.paidOn,
        input.currency ?? null,
        input.method ?? null,
        input.reference ?? null,
      ]),
    );
    if (key) {
      const earlier = await this.repo.findByIdempotencyKey(key);
      if (earlier) return this.replay(actor, earlier, hash);
    }
    try {
      const payment = await this.db.transaction().execute((t) => this.recordIn(t, actor, input, key, hash));
      return { payment, replayed: false };
    } catch (err) {
      // A concurrent request with the same key committed first: answer its payment.
      if (key && isUniqueViolation(err)) {
        const earlier = await this.repo.findByIdempotencyKey(key);
        if (earlier) return this.replay(actor, earlier, hash);
      }
      throw err;
    }
  }

  private async recordIn(t: Kysely<DB>, actor: Actor, input: NewPayment, key: string | null, hash: string): Promise<Payment> {
    const invoice = await this.rows.findById(input.invoiceId, t);
    if (!invoice || !canReadInvoice(actor, owningAccount(invoice), invoice)) throw fieldError('invoiceId', 'invoice.no_such_invoice');
    assertCanManageBilling(actor, owningAccount(invoice));
    conflictIf(paymentRefusal(invoice));
    if (input.currency && input.currency !== invoice.currency)
      throw fieldError('currency', 'payment.currency', { currency: invoice.currency });
    const today = await this.settings.today(t);
    if (input.paidOn > today) throw fieldError('paidOn', 'payment.date_future');
    if (invoice.issue_date && input.paidOn < invoice.issue_date) {
      throw fieldError('paidOn', 'payment.date_before_issue', { issueDate: invoice.issue_date });
    }
    const balance = openBalance(invoice);
    if (input.amountMinor > balance) throw overpayment(invoice, input.amountMinor);
    const now = this.clock.now().toISOString();
    const id = newId();
    // Inserted before the invoice is touched, so a racing duplicate key waits here and then fails.
    await this.repo.insert(t, {
      id,
      invoice_id: invoice.id,
      account_id: invoice.account_id,
      amount_minor: input.amountMinor,
      currency: invoice.currency,
      paid_on: input.paidOn,
      method: input.method ?? null,
      reference: input.reference ?? null,
      status: 'recorded',
      idempotency_key: key,
      request_hash: key ? hash : null,
      recorded_by: actor.id,
      created_at: now,
      updated_at: now,
    });
    if (!(await this.rows.settle(t, invoice.id, { paidDelta: input.amountMinor, creditedDelta: 0, at: now }))) {
      // Another payment on this invoice committed in between; measure against what is owed now.
      throw overpayment((await this.rows.findById(invoice.id, t))!, input.amountMinor);
    }
    const payment = presentPayment((await this.repo.findById(id, t))!, actor);
    await this.timeline.recordEvent(t, {
      accountId: invoice.account_id,
      kind: 'payment_recorded',
      actorId: actor.id,
      occurredAt: now,
      data: {
        paymentId: id,
        invoiceId: invoice.id,
        number: invoice.number,
        amountMinor: input.amountMinor,
        currency: invoice.currency,
        paidOn: input.paidOn,
        fully: input.amountMinor === balance,
      },
    });
    await recordAudit(t, { actorId: actor.id, recordType: 'payment', recordId: id, action: 'create', after: payment, at: now });
    return payment;
  }

  private replay(actor: Actor, earlier: PaymentRow, hash: string): PaymentResult {
    if (earlier.request_hash !== hash) {
      throw new AppError(422, 'payment.key_reused');
    }
    return { payment: presentPayment(earlier, actor), replayed: true };
  }

  /** Reverses a payment (a bounced transfer, a mistake): it stays on record, and the invoice is owed again. */
  async reverse(actor: Actor, id: string, reason: string): Promise<Payment> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.repo.findById(id, t);
      if (!row || !canReadPayment(actor, owningAccount(row))) throw notFound('payment');
      assertCanManageBilling(actor, owningAccount(row));
      conflictIf(paymentReversalRefusal(row));
      const now = this.clock.now().toISOString();
      const today = await this.settings.today(t);
      if (!(await this.repo.markReversed(t, id, { at: now, on: today, by: actor.id, reason }))) throw conflict('payment.already_reversed');
      if (!(await this.rows.settle(t, row.invoice_id, { paidDelta: -row.amount_minor, creditedDelta: 0, at: now }))) {
        throw conflict('payment.cannot_reverse');
      }
      const after = presentPayment((await this.repo.findById(id, t))!, actor);
      await this.timeline.recordEvent(t, {
        accountId: row.account_id,
        kind: 'payment_reversed',
        actorId: actor.id,
        occurredAt: now,
        data: {
          paymentId: id,
          invoiceId: row.invoice_id,
          number: row.invoice_number,
          amountMinor: row.amount_minor,
          currency: row.currency,
          reason,
        },
      });
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'payment',
        recordId: id,
        action: 'update',
        before: presentPayment(row, actor),
        after,
        at: now,
      });
      return after;
    });
  }
}

/** The refusal of a payment larger than what is owed, in words a person can act on. */
function overpayment(invoice: InvoiceRow, amountMinor: number): AppError {
  const balance = openBalance(invoice);
  const params = { number: invoice.number, amount: amountMinor, balance, currency: invoice.currency };
  return badRequest(balance === 0 ? 'payment.already_paid' : 'payment.overpayment', params, [
    { field: 'amountMinor', code: 'payment.at_most', params },
  ]);
}
