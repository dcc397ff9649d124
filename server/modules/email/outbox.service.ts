import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { TimelineEventKind } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { queueStatsOf, type QueueStats } from '../../metrics/contributions.js';
import { newId } from '../../lib/ids.js';
import type { MessageCode } from '../../../common/messages/index.js';
import type { FollowUpEmailListQuery } from '../../../common/schemas/billing.js';
import type { Actor } from '../access/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { EmailAttachment, Mailer, OutgoingEmail } from './mailer.js';
import { OutboxRepository, type OutboxRow } from './outbox.repository.js';

/** Attempts before an email is marked failed; between them the wait doubles from five minutes. */
export const MAX_ATTEMPTS = 5;
const FIRST_RETRY_MS = 5 * 60_000;
/** How long a claimed email is reserved for the instance sending it. */
const SEND_WINDOW_MS = 10 * 60_000;

/** Stored as the email's last error: a message code, worded for each reader. */
export const NO_RECIPIENT: MessageCode = 'email.no_recipient';

export interface NewEmail {
  accountId: string;
  purpose: string;
  /** One email of this purpose per account and day; a second one that day is merged away. */
  purposeDate: string;
  to: string | null;
  subject: string;
  text: string;
  html: string;
  attachments: EmailAttachment[];
  /** Extra headers (List-Unsubscribe of a notification). */
  headers?: Record<string, string>;
  /** What the timeline records when the email is sent or finally fails. */
  events: { sent: TimelineEventKind; failed: TimelineEventKind; data: Record<string, unknown> };
}

/**
 * An email of its own: to a person rather than an account's contacts (an invitation, a password
 * reset), never merged with another. `secret` is a part of the text, a link's token, that is
 * blanked from the stored copy once the email is sent or given up, so the outbox keeps no key.
 */
export type SingleEmail = Pick<NewEmail, 'purpose' | 'subject' | 'text' | 'html'> & {
  to: string;
  secret?: string;
  /** Files by reference, resolved when it goes out (a proposal's frozen PDF). */
  attachments?: EmailAttachment[];
} & (
    | { accountId: string; events: NewEmail['events'] }
    // An email to no account records nothing on a timeline.
    | { accountId: null; events?: undefined }
  );

/** What the outbox keeps beside an email: what to record on the timeline (emails to an account only), and a secret to blank. */
type EmailData = NewEmail['events'] & { secret?: string };

const BLANKED = '[…]';

export interface DeliveryReport {
  sent: number;
  failed: number;
  pending: number;
}

/** Gives the bytes of an attachment by its source id, when the email is sent. */
export type AttachmentSource = (id: string) => Promise<Buffer>;

/** Stores emails in the transaction that decides them, sends them after it commits, retries failures. */
export class OutboxService {
  private readonly repo: OutboxRepository;
  private readonly sources = new Map<string, AttachmentSource>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    readonly mailer: Mailer,
    private readonly timeline: TimelineLog,
    private readonly log?: FastifyBaseLogger,
  ) {
    this.repo = new OutboxRepository(db);
  }

  /** Lets a module attach files it stores (a document's PDF) by reference; resolved at each attempt. */
  addAttachmentSource(kind: string, source: AttachmentSource): void {
    this.sources.set(kind, source);
  }

  private async resolveAttachments(attachments: EmailAttachment[]): Promise<OutgoingEmail['attachments']> {
    return Promise.all(
      attachments.map(async ({ filename, contentType, content, source }) => {
        if (!source || this.mailer.discardsAttachments) return { filename, contentType, content: content ?? '' };
        const resolve = this.sources.get(source.kind);
        if (!resolve) throw new Error(`No attachment source "${source.kind}"`);
        return { filename, contentType, content: await resolve(source.id) };
      }),
    );
  }

  /** One stored email. */
  find(id: string) {
    return this.repo.findById(id);
  }

  /** Emails of a purpose the actor may see, newest first. */
  list(actor: Actor, purpose: string, query: FollowUpEmailListQuery) {
    return this.repo.list(actor, purpose, query);
  }

  /** The queue's backlog for metrics: emails still to send and the oldest one's wait. */
  async queueStats(): Promise<QueueStats> {
    return queueStatsOf(await this.repo.pendingBacklog(), this.clock.now());
  }

  /** Emails of a purpose and day still waiting to be sent. */
  countPending(purpose: string, purposeDate: string): Promise<number> {
    return this.repo.countPending(purpose, purposeDate);
  }

  /**
   * Queues emails (each for another account, all of one purpose and day) in the caller's
   * transaction; an email with no recipient is failed, and shown, at once. Answers per account
   * the email that stands: a second email for an account that day is merged away.
   */
  async enqueue(trx: Kysely<DB>, emails: NewEmail[]): Promise<Map<string, { id: string; created: boolean }>> {
    const now = this.clock.now().toISOString();
    const result = await this.repo.insertOncePerDay(
      trx,
      emails.map((e) => ({
        id: newId(),
        account_id: e.accountId,
        purpose: e.purpose,
        purpose_date: e.purposeDate,
        to_address: e.to ?? '',
        subject: e.subject,
        text_body: e.text,
        html_body: e.html,
        attachments: JSON.stringify(e.attachments),
        data: JSON.stringify(e.events),
        headers: e.headers ? JSON.stringify(e.headers) : null,
        status: e.to ? 'pending' : 'failed',
        last_error: e.to ? null : NO_RECIPIENT,
        next_attempt_at: now,
        created_at: now,
      })),
    );
    for (const e of emails.filter((x) => !x.to && result.get(x.accountId)?.created)) {
      const emailId = result.get(e.accountId)!.id;
      await this.timeline.recordEvent(trx, {
        accountId: e.accountId,
        kind: e.events.failed,
        actorId: null,
        occurredAt: now,
        data: { ...e.events.data, emailId, error: NO_RECIPIENT },
      });
    }
    return result;
  }

  /** Queues one email in the caller's transaction and answers its id; it goes after the commit (`deliverDue`). */
  async enqueueOne(trx: Kysely<DB>, e: SingleEmail): Promise<string> {
    const id = newId();
    const now = this.clock.now().toISOString();
    const data = { ...e.events, ...(e.secret ? { secret: e.secret } : {}) };
    await this.repo.insert(trx, {
      id,
      account_id: e.accountId,
      purpose: e.purpose,
      purpose_date: null,
      to_address: e.to,
      subject: e.subject,
      text_body: e.text,
      html_body: e.html,
      attachments: JSON.stringify(e.attachments ?? []),
      data: JSON.stringify(data),
      headers: null,
      status: 'pending',
      last_error: null,
      next_attempt_at: now,
      created_at: now,
    });
    return id;
  }

  /**
   * Sends every pending email that is due; each is claimed first so instances never send one
   * twice. `between` runs after each email (a background run paces itself with it).
   */
  async deliverDue(limit = 500, between?: () => Promise<void>): Promise<DeliveryReport> {
    return this.deliverEach((now) => this.repo.dueIds(now, limit), between);
  }

  /**
   * Sends these emails now (those just queued by a request that should not wait for the next
   * round), and nothing else that is due: the request answers after its own emails only. An
   * email another instance has claimed, or already sent, is left alone.
   */
  async deliver(ids: readonly string[]): Promise<DeliveryReport> {
    return this.deliverEach(async () => [...ids]);
  }

  private async deliverEach(idsOf: (now: string) => Promise<string[]>, between?: () => Promise<void>): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, failed: 0, pending: 0 };
    if (!this.mailer.enabled) {
      await this.repo.noteWaiting(this.mailer.disabledReason!);
      return report;
    }
    const now = this.clock.now();
    for (const id of await idsOf(now.toISOString())) {
      const row = await this.repo.claim(id, now.toISOString(), new Date(now.getTime() + SEND_WINDOW_MS).toISOString());
      if (row) report[await this.send(row)] += 1;
      await between?.();
    }
    return report;
  }

  /** Puts a failed or waiting email back in line and tries it now. */
  async retryNow(id: string): Promise<OutboxRow | undefined> {
    await this.repo.update(this.db, id, { status: 'pending', next_attempt_at: this.clock.now().toISOString() });
    await this.deliverDue();
    return this.repo.findById(id);
  }

  private async send(row: OutboxRow): Promise<'sent' | 'failed' | 'pending'> {
    const events = JSON.parse(row.data) as EmailData;
    const attempts = row.attempts + 1;
    try {
      const info = await this.mailer.send({
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        attachments: await this.resolveAttachments(JSON.parse(row.attachments) as EmailAttachment[]),
        ...(row.headers ? { headers: JSON.parse(row.headers) as Record<string, string> } : {}),
      });
      const at = this.clock.now().toISOString();
      await this.db.transaction().execute(async (t) => {
        await this.repo.update(t, row.id, {
          status: 'sent',
          attempts,
          sent_at: at,
          message_id: info.messageId,
          last_error: null,
          ...blankSecret(row, events),
        });
        if (row.account_id) {
          await this.timeline.recordEvent(t, {
            accountId: row.account_id,
            kind: events.sent,
            actorId: null,
            occurredAt: at,
            data: { ...events.data, emailId: row.id, to: row.to_address, subject: row.subject },
          });
        }
      });
      return 'sent';
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.log?.warn({ emailId: row.id, attempts, err: message }, 'email not sent');
      const giveUp = attempts >= MAX_ATTEMPTS;
      const at = this.clock.now();
      await this.db.transaction().execute(async (t) => {
        await this.repo.update(t, row.id, {
          status: giveUp ? 'failed' : 'pending',
          attempts,
          last_error: message.slice(0, 500),
          next_attempt_at: new Date(at.getTime() + FIRST_RETRY_MS * 2 ** (attempts - 1)).toISOString(),
          ...(giveUp ? blankSecret(row, events) : {}),
        });
        if (giveUp && row.account_id) {
          await this.timeline.recordEvent(t, {
            accountId: row.account_id,
            kind: events.failed,
            actorId: null,
            occurredAt: at.toISOString(),
            data: { ...events.data, emailId: row.id, to: row.to_address, error: message.slice(0, 500) },
          });
        }
      });
      return giveUp ? 'failed' : 'pending';
    }
  }
}

/** The stored copy of an email without its secret: the bodies blanked where it was, and no longer kept beside them. */
function blankSecret(row: OutboxRow, { secret, ...events }: EmailData) {
  if (!secret) return {};
  return {
    text_body: row.text_body.replaceAll(secret, BLANKED),
    html_body: row.html_body.replaceAll(secret, BLANKED),
    data: JSON.stringify(events),
  };
}
