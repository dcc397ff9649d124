import { conflict, conflictIf, type Refusal } from '../../lib/errors.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { daysBetween } from '../../lib/dates.js';
import { assertCanManageBilling, openBalance, owningAccount, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import type { BillingSettingsService, InvoiceService } from '../billing/index.js';
import { invoicePdfAttachment } from '../documents/index.js';
import type { OutboxService } from '../email/index.js';
import { composeFollowUp } from './follow-up.email.js';
import { FollowUpRepository } from './follow-up.repository.js';

/** What a reminder sent now did: the email and where it went. */
export interface SentReminder {
  emailId: string;
  to: string;
}

/** Only an invoice past its due date with something still owed is reminded. */
const reminderRefusal = (r: Parameters<typeof openBalance>[0] & { due_date: string | null }, today: string): Refusal =>
  openBalance(r) > 0 && r.due_date !== null && r.due_date < today ? null : { code: 'followUp.not_overdue' };

/**
 * "Send the reminder" on one overdue invoice, now: the follow-ups' email of the ladder's step
 * the invoice has reached, in the account's language, to the contact the daily run writes to
 * (the invoice attached when the step says so). For those who manage the account's billing;
 * at most one a day per invoice; audited, and on the account's timeline once it goes out.
 */
export class FollowUpReminder {
  private readonly repo: FollowUpRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly settings: BillingSettingsService,
    private readonly invoices: InvoiceService,
    private readonly accounts: AccountService,
    private readonly outbox: OutboxService,
  ) {
    this.repo = new FollowUpRepository(db);
  }

  async send(actor: Actor, invoiceId: string): Promise<SentReminder> {
    const sent = await this.db.transaction().execute(async (t) => {
      const invoice = await this.invoices.readable(actor, invoiceId, t);
      assertCanManageBilling(actor, owningAccount(invoice));
      const today = await this.settings.today(t);
      conflictIf(reminderRefusal(invoice, today));
      const to = (await this.repo.recipients(t, [invoice.account_id])).get(invoice.account_id);
      if (!to) throw conflict('followUp.no_recipient');
      const late = daysBetween(invoice.due_date!, today);
      const { levels } = await this.settings.load(t);
      const step = [...levels].sort((a, b) => b.days - a.days).find((l) => l.days <= late) ?? levels[0];
      if (!step) throw conflict('followUp.no_levels');
      const language = (await this.accounts.findOwned(invoice.account_id, t))?.language === 'ru' ? 'ru' : 'en';
      const dunned = {
        id: invoice.id,
        number: invoice.number!,
        currency: invoice.currency,
        dueDate: invoice.due_date!,
        balanceMinor: openBalance(invoice),
      };
      const email = composeFollowUp(step, invoice.account_name, [dunned], today, language);
      const queued = await this.outbox.enqueue(t, [
        {
          accountId: invoice.account_id,
          purpose: `reminder:${invoice.id}`,
          purposeDate: today,
          to,
          ...email,
          attachments: step.attachInvoice ? [invoicePdfAttachment({ id: invoice.id, number: invoice.number })] : [],
          events: {
            sent: 'follow_up_sent',
            failed: 'follow_up_failed',
            data: { invoiceIds: [invoice.id], numbers: [invoice.number], levels: [step.days], sentBy: actor.id },
          },
        },
      ]);
      const result = queued.get(invoice.account_id)!;
      if (!result.created) throw conflict('followUp.reminded_today', { number: invoice.number });
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'email',
        recordId: result.id,
        action: 'create',
        after: { purpose: 'reminder', invoiceId: invoice.id, number: invoice.number, to, level: step.days },
        at: this.clock.now().toISOString(),
      });
      return { emailId: result.id, to };
    });
    // Sent now rather than at the next delivery round; a failure is retried and shown on the desk.
    await this.outbox.deliverDue();
    return sent;
  }
}
