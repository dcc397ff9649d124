import { isMessageCode, renderMessage, type Language } from '../../../common/messages/index.js';
import type { FollowUpEmail, FollowUpEmailListQuery, FollowUpRun } from '../../../common/schemas/billing.js';
import type { JobService } from '../../jobs/job.service.js';
import { AppError, conflict, conflictIf, notFound } from '../../lib/errors.js';
import type { Database } from '../../db/database.js';
import {
  assertAdmin,
  assertCanManageBilling,
  assertSeesFollowUpLevels,
  assertSeesReceivables,
  emailRetryRefusal,
  followUpEmailAbilities,
  type Actor,
} from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import type { BillingSettingsService, InvoiceService } from '../billing/index.js';
import type { OutboxListRow, OutboxService } from '../email/index.js';
import { FOLLOW_UP_JOB } from './follow-up.jobs.js';
import { FollowUpRepository } from './follow-up.repository.js';

/** An email's last error in the reader's language: our own reasons are message codes; a mail server's words stay as they are. */
const lastError = (error: string | null, language?: Language) =>
  error && isMessageCode(error) ? renderMessage(error, {}, language) : error;

/** The email as `actor` sees it: its last error in their language, and what they may do with it. */
function presentEmail(r: OutboxListRow, actor: Actor): FollowUpEmail {
  const data = JSON.parse(r.data) as { data?: { invoiceIds?: string[] } };
  return {
    id: r.id,
    accountId: r.account_id,
    accountName: r.account_name,
    to: r.to_address,
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    lastError: lastError(r.last_error, actor.language),
    runDate: r.purpose_date,
    invoiceIds: data.data?.invoiceIds ?? [],
    createdAt: r.created_at,
    sentAt: r.sent_at,
    can: followUpEmailAbilities(actor, r),
  };
}

/** What people do with follow-ups: run today's now, see what was sent or failed, retry, see an invoice's levels. */
export class FollowUpDesk {
  private readonly repo: FollowUpRepository;

  constructor(
    db: Database,
    private readonly jobs: JobService,
    private readonly settings: BillingSettingsService,
    private readonly outbox: OutboxService,
    private readonly invoices: InvoiceService,
    private readonly accounts: AccountService,
  ) {
    this.repo = new FollowUpRepository(db);
  }

  /** Runs today's follow-ups now (admins); a second call the same day answers the first run's result. */
  async runNow(actor: Actor): Promise<FollowUpRun> {
    assertAdmin(actor);
    const date = await this.settings.today();
    const outcome = await this.jobs.run(FOLLOW_UP_JOB, date);
    switch (outcome.status) {
      case 'done':
        return { ...(outcome.result as FollowUpRun), date, alreadyRan: false };
      case 'already_done':
        return { ...(outcome.result as FollowUpRun), date, alreadyRan: true };
      case 'busy':
        throw conflict('followUp.running');
      case 'failed':
        throw new AppError(503, 'followUp.failed', { error: outcome.error });
    }
  }

  async emails(actor: Actor, query: FollowUpEmailListQuery) {
    assertSeesReceivables(actor);
    const page = await this.outbox.list(actor, 'follow_up', query);
    return { items: page.items.map((r) => presentEmail(r, actor)), nextCursor: page.nextCursor };
  }

  /** Sends a waiting or failed follow-up email again, now. */
  async retry(actor: Actor, id: string): Promise<FollowUpEmail> {
    const row = await this.outbox.find(id);
    const account = row?.account_id ? await this.accounts.findOwned(row.account_id) : undefined;
    if (!row || row.purpose !== 'follow_up' || !account) throw notFound('email');
    assertCanManageBilling(actor, account);
    conflictIf(emailRetryRefusal(row));
    if (!this.outbox.mailer.enabled) throw conflict('email.disabled');
    const after = (await this.outbox.retryNow(id))!;
    return presentEmail(
      { ...after, account_name: account.name, owner_id: account.owner_id, backup_owner_id: account.backup_owner_id },
      actor,
    );
  }

  /** The follow-up levels an invoice has had and how its emails went. */
  async levelsOf(actor: Actor, invoiceId: string) {
    await this.invoices.readable(actor, invoiceId);
    assertSeesFollowUpLevels(actor);
    const rows = await this.repo.levelsOf(invoiceId);
    return rows.map((r) => ({
      levelDays: r.level_days,
      runDate: r.run_date,
      emailId: r.email_id,
      emailStatus: r.email_status,
      lastError: lastError(r.last_error, actor.language),
    }));
  }
}
