import type { Kysely } from 'kysely';
import type { CreditWarning } from '../../../common/schemas/invoice.js';
import type { Exposure } from '../../../common/schemas/receivables.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { daysBetween } from '../../lib/dates.js';
import { conflict, notFound } from '../../lib/errors.js';
import { renderMessage, type Language } from '../../../common/messages/index.js';
import { assertCanChangeStopWork, assertCanReadAccountBilling, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { BillingSettingsService } from './billing.settings.js';
import { CreditRepository } from './credit.repository.js';
import { storedWords, wordedIn, type Worded } from './wording.js';

/** Days overdue from which an account is flagged to anyone starting new work or invoicing. */
export const SERIOUS_OVERDUE_DAYS = 30;

interface AccountCredit {
  id: string;
  currency: string;
  credit_limit_minor: number | null;
  stop_work_since: string | null;
  stop_work_reason: string | null;
  stop_work_wording: string | null;
}

/**
 * Debt prevention for one account: what it owes (exposure), the warnings to show before new
 * invoices, projects or tasks, and the stop-work flag that refuses new tasks.
 */
export class BillingService {
  private readonly repo = new CreditRepository();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly settings: BillingSettingsService,
    private readonly accounts: AccountService,
    private readonly timeline: TimelineLog,
  ) {}

  /**
   * Refuses new work (409, with the reason in the reader's `language`) while the account's
   * stop-work flag is set. Call it inside the transaction that starts the work.
   */
  async assertWorkAllowed(trx: Kysely<DB>, accountId: string, language?: Language): Promise<void> {
    const row = await this.repo.stopWork(trx, accountId);
    if (row?.stop_work_since) {
      const reason = wordedIn(row.stop_work_wording, row.stop_work_reason, language);
      throw conflict('work.stopped', { account: row.name, since: row.stop_work_since.slice(0, 10), reason });
    }
  }

  /** Warnings for adding `addingMinor` of new work or invoices to the account (no access check: for other services). */
  async exposureWarnings(accountId: string, addingMinor: number, trx: Kysely<DB> = this.db, language?: Language): Promise<CreditWarning[]> {
    const account = await this.accounts.findOwned(accountId, trx);
    if (!account) return [];
    return (await this.compute(trx, account, addingMinor, language)).warnings;
  }

  /** The exposure page and pre-confirmation check: staff who see the account's billing. */
  async exposure(actor: Actor, accountId: string, addingMinor: number): Promise<Exposure> {
    const account = await this.accounts.findOwned(accountId);
    if (!account) throw notFound('account');
    assertCanReadAccountBilling(actor, account);
    return this.compute(this.db, account, addingMinor, actor.language);
  }

  private async compute(trx: Kysely<DB>, account: AccountCredit, addingMinor: number, language: Language = 'en'): Promise<Exposure> {
    const today = await this.settings.today(trx);
    const owed = await this.repo.owed(trx, account.id);
    const inCurrency = owed.find((o) => o.currency === account.currency);
    const exposureMinor = inCurrency?.owedMinor ?? 0;
    const oldestDue = owed
      .map((o) => o.oldestDue)
      .filter((d): d is string => !!d)
      .sort()[0];
    const oldestOverdueDays = oldestDue && oldestDue < today ? daysBetween(oldestDue, today) : null;
    const projectedMinor = exposureMinor + addingMinor;
    const limit = account.credit_limit_minor;
    const warnings: CreditWarning[] = [];
    if (limit !== null && projectedMinor > limit) {
      const figures = { owed: exposureMinor, projected: projectedMinor, limit, currency: account.currency };
      warnings.push({
        code: 'over_credit_limit',
        message: renderMessage(addingMinor > 0 ? 'credit.over_limit_adding' : 'credit.over_limit', figures, language),
        params: { exposureMinor, projectedMinor, creditLimitMinor: limit, currency: account.currency },
      });
    }
    if (oldestOverdueDays !== null && oldestOverdueDays >= SERIOUS_OVERDUE_DAYS) {
      warnings.push({
        code: 'overdue_30',
        message: renderMessage('credit.overdue', { days: oldestOverdueDays }, language),
        params: { days: oldestOverdueDays },
      });
    }
    const stopReason = wordedIn(account.stop_work_wording, account.stop_work_reason, language);
    if (account.stop_work_since) {
      const since = account.stop_work_since.slice(0, 10);
      warnings.push({
        code: 'stop_work',
        message: renderMessage('credit.stop_work', { since, reason: stopReason }, language).trim(),
        params: { since: account.stop_work_since, reason: stopReason },
      });
    }
    return {
      accountId: account.id,
      currency: account.currency,
      exposureMinor,
      addingMinor,
      projectedMinor,
      creditLimitMinor: limit,
      oldestOverdueDays,
      stopWork: account.stop_work_since ? { since: account.stop_work_since, reason: stopReason } : null,
      warnings,
    };
  }

  /** Finance or an admin stops work on an account by hand. */
  async setStopWork(actor: Actor, accountId: string, reason: string): Promise<Exposure> {
    assertCanChangeStopWork(actor);
    await this.db.transaction().execute((t) => this.stopWork(t, accountId, reason, actor.id));
    return this.exposure(actor, accountId, 0);
  }

  /** Finance or an admin lifts the flag; the audit log keeps who, when and why. */
  async liftStopWork(actor: Actor, accountId: string, reason: string): Promise<Exposure> {
    assertCanChangeStopWork(actor);
    await this.db.transaction().execute(async (t) => {
      const before = await this.repo.stopWork(t, accountId);
      if (!before) throw notFound('account');
      if (!before.stop_work_since) throw conflict('work.not_stopped');
      await this.repo.setStopWork(t, accountId, null, null);
      const at = this.clock.now().toISOString();
      await this.timeline.recordEvent(t, { accountId, kind: 'stop_work_lifted', actorId: actor.id, occurredAt: at, data: { reason } });
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'account',
        recordId: accountId,
        action: 'update',
        before: { stopWorkSince: before.stop_work_since, stopWorkReason: before.stop_work_reason },
        after: { stopWorkSince: null, stopWorkReason: null, liftReason: reason },
        at,
      });
    });
    return this.exposure(actor, accountId, 0);
  }

  /** Sets the flag in the caller's transaction (by a person, or by the follow-up job with actor null); false when already set. */
  async stopWork(t: Kysely<DB>, accountId: string, why: string | Worded, actorId: string | null): Promise<boolean> {
    const before = await this.repo.stopWork(t, accountId);
    if (!before) throw notFound('account');
    const at = this.clock.now().toISOString();
    const reason = storedWords(why);
    if (!(await this.repo.setStopWork(t, accountId, at, reason))) {
      if (actorId) throw conflict('work.already_stopped');
      return false;
    }
    // The timeline line is worded by each reader's app from the kept code and figures.
    const data = { reason: reason.text, ...(typeof why !== 'string' && { wording: why }) };
    await this.timeline.recordEvent(t, { accountId, kind: 'stop_work_set', actorId, occurredAt: at, data });
    await recordAudit(t, {
      actorId,
      recordType: 'account',
      recordId: accountId,
      action: 'update',
      before: { stopWorkSince: null, stopWorkReason: null },
      after: { stopWorkSince: at, stopWorkReason: reason.text },
      at,
    });
    return true;
  }
}
