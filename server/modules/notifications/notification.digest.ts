import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { localDate, localMinutes, startOfLocalDay } from '../../lib/timezone.js';
import type { OutboxService } from '../email/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import { digestEmail } from './notification.email.js';
import type { NotificationRepository } from './notification.repository.js';

/** How long after the first of a burst of events its digest waits, so the burst becomes one email. */
export const COALESCE_MS = 10 * 60_000;
/** The hour (agency time) from which what waited since an earlier day goes out: a morning digest, not a midnight one. */
export const DIGEST_HOUR = 8;
/** Contacts served per run; the rest wait for the next run, minutes later. */
const BATCH = 200;

/**
 * At most one email a day per contact: the first event of a contact's day goes out once its
 * burst has settled (COALESCE_MS); what happens after that waits for the next day's digest,
 * from DIGEST_HOUR. Run by a job every few minutes, once per period across instances; the day
 * a digest is taken on is also claimed per contact, so even two runs never send two a day.
 */
export class NotificationDigest {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly repo: NotificationRepository,
    private readonly calendar: AgencyCalendar,
    private readonly outbox: OutboxService,
    private readonly publicUrl: string | undefined,
    private readonly log?: FastifyBaseLogger,
  ) {}

  /** Queues the digests that are due and sends them; answers how many were queued. */
  async sendDue(): Promise<{ digests: number; items: number }> {
    if (!this.publicUrl) {
      // Without the app's address the emails could not link anywhere; they wait until it is set.
      this.log?.warn('client notifications wait: PUBLIC_URL is not set');
      return { digests: 0, items: 0 };
    }
    const now = this.clock.now();
    const zone = await this.calendar.timeZone();
    const day = localDate(now, zone);
    // Before the morning hour only today's first events go; those held over from an earlier day wait for it.
    const notBefore = localMinutes(now, zone) < DIGEST_HOUR * 60 ? startOfLocalDay(day, zone).toISOString() : null;
    const settledBefore = new Date(now.getTime() - COALESCE_MS).toISOString();
    let digests = 0;
    let items = 0;
    for (const contactId of await this.repo.dueContacts({ settledBefore, notBefore, day, limit: BATCH })) {
      const sent = await this.queueDigest(contactId, day, now.toISOString());
      digests += sent ? 1 : 0;
      items += sent;
    }
    if (digests) await this.outbox.deliverDue();
    return { digests, items };
  }

  /** One contact's digest of `day`, in one transaction: the day taken, the email queued, its items marked. */
  private queueDigest(contactId: string, day: string, now: string): Promise<number> {
    return this.db.transaction().execute(async (t) => {
      if (!(await this.repo.takeDigestDay(t, contactId, day))) return 0;
      const r = await this.repo.recipient(t, contactId);
      const waiting = await this.repo.waitingOf(t, contactId);
      const items = waiting.filter((i) => !r?.muted.includes(i.kind));
      if (!r || !r.email || !r.portalAccess || !r.token || !items.length) {
        // Nobody to tell any more (the address or portal access was taken away): the items lapse.
        await this.repo.markSent(
          t,
          waiting.map((i) => i.id),
          null,
          now,
        );
        return 0;
      }
      const base = this.publicUrl!;
      const token = encodeURIComponent(r.token);
      const email = digestEmail(items, r.firstName, r.language, {
        base,
        unsubscribePage: new URL(`/unsubscribe#token=${token}`, base).toString(),
        unsubscribePost: new URL(`/api/v1/notifications/unsubscribe/${token}`, base).toString(),
        preferences: new URL('/portal/notifications', base).toString(),
      });
      const queued = await this.outbox.enqueue(t, [
        {
          accountId: r.accountId,
          purpose: `client_digest:${contactId}`,
          purposeDate: day,
          to: r.email,
          ...email,
          attachments: [],
          events: {
            sent: 'client_notified',
            failed: 'client_notification_failed',
            data: { contactId, name: r.firstName, items: items.length },
          },
        },
      ]);
      await this.repo.markSent(
        t,
        waiting.map((i) => i.id),
        queued.get(r.accountId)!.id,
        now,
      );
      return items.length;
    });
  }
}
