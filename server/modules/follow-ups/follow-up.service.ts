import type { Insertable, Kysely } from 'kysely';
import type { Language } from '../../../common/enums.js';
import type { FollowUpLevel, FollowUpRun } from '../../../common/schemas/billing.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { BillingActionsTable } from '../../db/tables/billing.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import {
  wordAction,
  type BillingActionService,
  type BillingService,
  type BillingSettingsService,
  type InvoiceService,
} from '../billing/index.js';
import type { NewEmail, OutboxService } from '../email/index.js';
import { invoicePdfAttachment } from '../documents/index.js';
import { composeFollowUp } from './follow-up.email.js';
import { FollowUpRepository, type Firing } from './follow-up.repository.js';

/** Accounts handled per transaction: big enough to be quick, small enough to keep locks short. */
const ACCOUNTS_PER_TRANSACTION = 100;

interface InvoiceFirings {
  firing: Firing;
  levels: FollowUpLevel[];
}

interface AccountFirings {
  accountId: string;
  name: string;
  language: Language;
  ownerId: string | null;
  invoices: Map<string, InvoiceFirings>;
}

export type FollowUpCounts = Omit<FollowUpRun, 'date' | 'alreadyRan'>;

const highest = (levels: FollowUpLevel[]) => levels.reduce<FollowUpLevel | null>((top, l) => (!top || l.days > top.days ? l : top), null);

/**
 * The daily dunning run. For the agency-local date it finds every open invoice that reached
 * a level it has not had, records the level (once per invoice, enforced by a unique key),
 * sends each account one email listing all its invoices that day (in the account's
 * language, worded by the most severe level), and creates calls, alerts and stop-work flags.
 */
export class FollowUpService {
  private readonly repo: FollowUpRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly settings: BillingSettingsService,
    private readonly billing: BillingService,
    private readonly invoices: InvoiceService,
    private readonly actions: BillingActionService,
    private readonly outbox: OutboxService,
  ) {
    this.repo = new FollowUpRepository(db);
  }

  async runForDate(date: string): Promise<FollowUpCounts> {
    const { levels } = await this.settings.load();
    const byAccount = new Map<string, AccountFirings>();
    for (const level of [...levels].sort((a, b) => a.days - b.days)) {
      for (const f of await this.repo.newFirings(date, level.days)) {
        let account = byAccount.get(f.accountId);
        if (!account) {
          account = {
            accountId: f.accountId,
            name: f.accountName,
            language: f.language === 'ru' ? 'ru' : 'en',
            ownerId: f.ownerId,
            invoices: new Map(),
          };
          byAccount.set(f.accountId, account);
        }
        const inv = account.invoices.get(f.invoiceId) ?? { firing: f, levels: [] };
        inv.levels.push(level);
        account.invoices.set(f.invoiceId, inv);
      }
    }
    const counts: FollowUpCounts = { invoices: 0, emails: 0, callTasks: 0, alerts: 0, stopWork: 0, emailsSent: 0, emailsPending: 0 };
    const accounts = [...byAccount.values()];
    for (let i = 0; i < accounts.length; i += ACCOUNTS_PER_TRANSACTION) {
      const chunk = accounts.slice(i, i + ACCOUNTS_PER_TRANSACTION);
      await this.db.transaction().execute((t) => this.applyChunk(t, chunk, date, counts));
    }
    const delivery = await this.outbox.deliverDue();
    counts.emailsSent = delivery.sent;
    counts.emailsPending = await this.outbox.countPending('follow_up', date);
    return counts;
  }

  /** One transaction for a chunk of accounts: a handful of multi-row statements, not a few per account. */
  private async applyChunk(t: Kysely<DB>, chunk: AccountFirings[], date: string, counts: FollowUpCounts): Promise<void> {
    const recipients = await this.repo.recipients(
      t,
      chunk.map((a) => a.accountId),
    );
    const emails = chunk
      .map((a) => this.composeEmail(a, [...a.invoices.values()], recipients.get(a.accountId) ?? null, date))
      .filter((e): e is NewEmail => e !== null);
    const queued = await this.outbox.enqueue(t, emails);
    counts.emails += [...queued.values()].filter((q) => q.created).length;
    const now = this.clock.now().toISOString();
    const levelRows = [];
    const actionRows = [];
    for (const account of chunk) {
      const invoices = [...account.invoices.values()];
      const emailId = queued.get(account.accountId)?.id ?? null;
      for (const i of invoices) {
        for (const l of i.levels) {
          levelRows.push({
            id: newId(),
            invoice_id: i.firing.invoiceId,
            account_id: account.accountId,
            level_days: l.days,
            run_date: date,
            email_id: l.sendEmail ? emailId : null,
            created_at: now,
          });
        }
      }
      actionRows.push(...(await this.peopleActions(t, account, invoices, date, counts)));
      counts.invoices += invoices.length;
    }
    await this.repo.record(t, levelRows);
    await this.actions.create(t, actionRows);
  }

  /** One email for the account listing each invoice whose new levels include an email; null when none does. */
  private composeEmail(account: AccountFirings, invoices: InvoiceFirings[], to: string | null, date: string): NewEmail | null {
    const items = invoices.map((i) => ({ i, level: highest(i.levels.filter((l) => l.sendEmail)) })).filter((x) => x.level !== null);
    if (items.length === 0) return null;
    const wording = highest(items.map((x) => x.level!))!;
    const dunned = items.map(({ i }) => ({
      id: i.firing.invoiceId,
      number: i.firing.number,
      currency: i.firing.currency,
      dueDate: i.firing.dueDate,
      balanceMinor: i.firing.balanceMinor,
    }));
    const { subject, text, html } = composeFollowUp(wording, account.name, dunned, date, account.language);
    // The invoice's PDF, rendered when the email goes out.
    const attachments = items
      .filter((x) => x.level!.attachInvoice)
      .map(({ i }) => invoicePdfAttachment({ id: i.firing.invoiceId, number: i.firing.number }));
    return {
      accountId: account.accountId,
      purpose: 'follow_up',
      purposeDate: date,
      to,
      subject,
      text,
      html,
      attachments,
      events: {
        sent: 'follow_up_sent',
        failed: 'follow_up_failed',
        data: { invoiceIds: dunned.map((d) => d.id), numbers: dunned.map((d) => d.number), levels: items.map((x) => x.level!.days) },
      },
    };
  }

  /** The stop-work flag the new levels ask for (set now), and the call and alerts (rows to insert). */
  private async peopleActions(t: Kysely<DB>, account: AccountFirings, invoices: InvoiceFirings[], date: string, counts: FollowUpCounts) {
    const levels = invoices.flatMap((i) => i.levels);
    const numbers = (pick: (l: FollowUpLevel) => boolean) => invoices.filter((i) => i.levels.some(pick)).map((i) => i.firing.number);
    const now = this.clock.now().toISOString();
    const base = { account_id: account.accountId, due_date: date, created_at: now, updated_at: now };
    const rows: Insertable<BillingActionsTable>[] = [];
    if (levels.some((l) => l.createCallTask)) {
      const late = numbers((l) => l.createCallTask);
      rows.push({
        ...base,
        id: newId(),
        kind: 'call',
        invoice_id: invoices[0].firing.invoiceId,
        assignee_id: account.ownerId,
        assignee_role: account.ownerId ? null : 'finance',
        ...wordAction(['followUp.call_title', { account: account.name }], ['followUp.overdue', { numbers: late }]),
      });
      counts.callTasks += 1;
    }
    const stopping = numbers((l) => l.stopWork);
    if (stopping.length && (await this.billing.stopWork(t, account.accountId, ['followUp.stop_reason', { numbers: stopping }], null)))
      counts.stopWork += 1;
    if (levels.some((l) => l.alert)) {
      const late = numbers((l) => l.alert);
      const days = Math.max(...levels.filter((l) => l.alert).map((l) => l.days));
      const wording = wordAction(
        [stopping.length ? 'followUp.stopped_title' : 'followUp.alert_title', { account: account.name, days }],
        ['followUp.overdue', { numbers: late }],
      );
      const alert = { ...base, kind: 'alert' as const, invoice_id: invoices[0].firing.invoiceId, ...wording };
      if (account.ownerId) rows.push({ ...alert, id: newId(), assignee_id: account.ownerId, assignee_role: null });
      rows.push({ ...alert, id: newId(), assignee_id: null, assignee_role: 'finance' });
      counts.alerts += account.ownerId ? 2 : 1;
    }
    return rows;
  }
}
