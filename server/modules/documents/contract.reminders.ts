import { CONTRACT_REMINDER_DAYS, type Language } from '../../../common/enums.js';
import { renderMessage } from '../../../common/messages/index.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { addDays, daysBetween } from '../../lib/dates.js';
import { newId } from '../../lib/ids.js';
import { humanDate, textToHtml, type OutboxService } from '../email/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import { ContractReminderRepository, type EndingContract } from './contract-reminder.repository.js';

/** What one day's run of renewal reminders did. */
export interface ContractReminderRun {
  date: string;
  reminded: number;
}

const FURTHEST = Math.max(...CONTRACT_REMINDER_DAYS);

/**
 * Renewal reminders: the owner of the account of a contract in force is emailed 30 and 7 days
 * before its end (in the owner's language; recorded on the account's timeline when sent or
 * failed). Each reminder is a row unique per contract and number of days, inserted in the
 * transaction that queues its email, so it goes once however many runners there are. A
 * contract found late (drafted 5 days before its end) gets the most urgent reminder only, and
 * the earlier ones are recorded as passed. Cancelled, declined, and renewed or replaced
 * contracts are never reminded.
 */
export class ContractReminders {
  private readonly repo: ContractReminderRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly calendar: AgencyCalendar,
    private readonly outbox: OutboxService,
    private readonly publicUrl: string | undefined,
  ) {
    this.repo = new ContractReminderRepository(db);
  }

  async runForDate(date: string): Promise<ContractReminderRun> {
    let reminded = 0;
    for (const c of await this.repo.ending(date, addDays(date, FURTHEST))) {
      const left = daysBetween(date, c.period_to);
      const due = CONTRACT_REMINDER_DAYS.filter((d) => left <= d && !c.reminded.includes(d));
      if (!due.length) continue;
      const urgent = Math.min(...due);
      const sent = await this.db.transaction().execute(async (t) => {
        const now = this.clock.now().toISOString();
        const fresh = await this.repo.record(
          t,
          due.map((days) => ({ id: newId(), document_id: c.id, days_before: days, ends_on: c.period_to, email_id: null, created_at: now })),
        );
        if (!fresh.includes(urgent)) return false;
        const queued = await this.outbox.enqueue(t, [this.email(c, urgent, left, date)]);
        await this.repo.attachEmail(t, c.id, urgent, queued.get(c.account_id)!.id);
        return true;
      });
      if (sent) reminded += 1;
    }
    await this.outbox.deliverDue();
    return { date, reminded };
  }

  /** Runs today's reminders (the agency's today). */
  async runToday(): Promise<ContractReminderRun> {
    return this.runForDate(await this.calendar.today());
  }

  private email(c: EndingContract, days: number, left: number, date: string) {
    const language: Language = c.owner_language ?? 'en';
    const say = (code: Parameters<typeof renderMessage>[0], params = {}) => renderMessage(code, params, language);
    const params = { number: c.number ?? '—', account: c.account_name, date: humanDate(c.period_to, language), days: left };
    const link = this.publicUrl
      ? `\n\n${say('contract.reminder_link', { url: new URL(`/documents/${c.id}`, this.publicUrl).toString() })}`
      : '';
    const text =
      say('contract.reminder_body', { ...params, name: c.owner_name ?? '', renewal: say(`contract.renewal_${c.renewal ?? 'none'}`) }) +
      link;
    return {
      accountId: c.account_id,
      purpose: `contract_reminder:${c.id}:${days}`,
      purposeDate: date,
      to: c.owner_email,
      subject: say('contract.reminder_subject', params),
      text,
      html: textToHtml(text),
      attachments: [],
      events: {
        sent: 'contract_reminder_sent' as const,
        failed: 'contract_reminder_failed' as const,
        data: { documentId: c.id, number: c.number, endsOn: c.period_to, daysBefore: days },
      },
    };
  }
}
