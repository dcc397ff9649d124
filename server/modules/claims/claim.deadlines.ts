import { ACCOUNT_OWNER_ROLES, type ClaimDeadline } from '../../../common/enums.js';
import { renderMessage, type MessageCode } from '../../../common/messages/index.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { emailWithLink, humanDate, textToHtml, type OutboxService } from '../email/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { UserRow, UserService } from '../users/index.js';
import type { ClaimRow } from './claim.repository.js';
import type { ClaimService } from './claim.service.js';

/** How many claims one run handles per kind of work; the next run (minutes later) takes the rest. */
const BATCH = 500;
const DAY = 86_400_000;

/** What one run of the deadline job did. */
export interface DeadlineRun {
  breaches: number;
  alerted: number;
  autoClosed: number;
}

/**
 * The claims' clock: records each missed respond-by and resolve-by deadline once, on the account's
 * timeline, and emails the account's owner and every admin of it (in their language), and closes
 * resolved claims the client has not confirmed within the settings' days. A breach is a row unique
 * per claim and deadline, inserted in the transaction that queues its emails, so a second runner
 * (or a run after a crash) never alerts twice.
 */
export class ClaimDeadlines {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly claims: ClaimService,
    private readonly users: UserService,
    private readonly outbox: OutboxService,
    private readonly timeline: TimelineLog,
    private readonly publicUrl: string | undefined,
  ) {}

  async runDue(): Promise<DeadlineRun> {
    const run: DeadlineRun = { breaches: 0, alerted: 0, autoClosed: 0 };
    for (const deadline of ['respond', 'resolve'] as const) {
      for (const claim of await this.claims.repo.overdue(deadline, this.clock.now().toISOString(), BATCH)) {
        const alerted = await this.recordBreach(claim, deadline);
        if (alerted === null) continue;
        run.breaches += 1;
        run.alerted += alerted;
      }
    }
    run.autoClosed = await this.autoClose();
    await this.outbox.deliverDue();
    return run;
  }

  /** Records the breach and queues its alerts; null when another run recorded it first. */
  private async recordBreach(claim: ClaimRow, deadline: ClaimDeadline): Promise<number | null> {
    return this.db.transaction().execute(async (t) => {
      const now = this.clock.now().toISOString();
      const id = newId();
      const dueAt = deadline === 'respond' ? claim.respond_by : claim.resolve_by;
      const fresh = await this.claims.repo.recordBreach(t, {
        id,
        claim_id: claim.id,
        account_id: claim.account_id,
        deadline,
        due_at: dueAt,
        recorded_at: now,
        alerted: 0,
      });
      if (!fresh) return null;
      const owner = claim.owner_id ? await this.users.activeWithRole(t, [claim.owner_id], ACCOUNT_OWNER_ROLES) : [];
      const recipients = new Map<string, UserRow>([...owner, ...(await this.users.activeAdmins(t))].map((u) => [u.id, u]));
      for (const user of recipients.values()) {
        await this.outbox.enqueueOne(t, {
          accountId: null,
          purpose: `claim_breach:${id}:${user.id}`,
          to: user.email,
          ...this.words(user, claim, deadline, dueAt),
        });
      }
      await this.claims.repo.setAlerted(t, id, recipients.size);
      await this.timeline.recordEvent(t, {
        accountId: claim.account_id,
        kind: 'claim_breached',
        actorId: null,
        occurredAt: now,
        data: {
          claimId: claim.id,
          deadline,
          dueAt,
          severity: claim.severity,
          category: claim.category,
          alerted: [...recipients.values()].map((u) => u.name),
        },
      });
      return recipients.size;
    });
  }

  /** Closes resolved claims older than the settings' days, each in its own transaction. */
  private async autoClose(): Promise<number> {
    const settings = await this.claims.settings.load();
    const before = new Date(this.clock.now().getTime() - settings.autoCloseDays * DAY).toISOString();
    let closed = 0;
    for (const claim of await this.claims.repo.resolvedBefore(before, BATCH)) {
      const done = await this.db.transaction().execute(async (t) => {
        const row = await this.claims.repo.find(claim.id, t);
        // The client may have confirmed it, or a manager reopened it, since the list was read.
        if (row?.status !== 'resolved' || row.version !== claim.version) return false;
        await this.claims.moveIn(t, null, row, { status: 'closed' }, row.version, null, 'auto');
        return true;
      });
      if (done) closed += 1;
    }
    return closed;
  }

  private words(user: UserRow, claim: ClaimRow, deadline: ClaimDeadline, dueAt: string) {
    const language = user.language ?? 'en';
    const say = (code: MessageCode, params: Record<string, string> = {}) => renderMessage(code, params, language);
    const params = {
      account: claim.account_name,
      severity: claim.severity,
      deadline: `${humanDate(dueAt.slice(0, 10), language)} ${dueAt.slice(11, 16)} UTC`,
    };
    const subject = say('claim.breach_subject', params);
    const before = [say(deadline === 'respond' ? 'claim.breach_respond' : 'claim.breach_resolve', params), claim.description];
    if (!this.publicUrl) {
      const text = before.join('\n\n');
      return { subject, text, html: textToHtml(text) };
    }
    const url = new URL(`/claims/${encodeURIComponent(claim.id)}`, this.publicUrl).toString();
    return { subject, ...emailWithLink({ before, link: { url, label: say('claim.breach_open') }, after: [] }) };
  }
}
