import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Language } from '../../../common/messages/index.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { localDate, localMinutes } from '../../lib/timezone.js';
import type { OutboxService } from '../email/index.js';
import type { UserRow } from '../users/index.js';
import { digestEmail, type DigestLine, type DigestSections } from './inbox.email.js';
import { choicesOf, type InboxPreferences, type StaffChoices } from './inbox.preferences.js';
import type { InboxRepository } from './inbox.repository.js';
import { presentNotice, type AgendaReader } from './inbox.service.js';

/** Who is on the staff (the users module answers). */
export interface StaffDirectory {
  activeStaff(trx: Kysely<DB>): Promise<UserRow[]>;
}

/**
 * How long after a person's hour their digest may still go out (the app was down at the hour):
 * a morning digest comes in the morning or not at all that day.
 */
const LATE_WINDOW_MINUTES = 4 * 60;
/** The notices a digest repeats: those of the last day (an unread one is not told of every morning). */
const NOTICES_SINCE_MS = 24 * 3600_000;

/**
 * The morning digest of each staff member: at the hour they chose in their time zone (08:00 in
 * the agency's by default), in their language, when something needs them — what is overdue and
 * due today on their Today, and their unread notices of the last day. A run every few minutes
 * (once per period across instances) sends those due; each person's day is taken with a unique
 * row in the transaction that queues the email, so even two runs never send two a day.
 */
export class InboxDigest {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly repo: InboxRepository,
    private readonly preferences: InboxPreferences,
    private readonly staff: StaffDirectory,
    private readonly agenda: AgendaReader,
    private readonly outbox: OutboxService,
    private readonly publicUrl: string | undefined,
    private readonly log?: FastifyBaseLogger,
  ) {}

  /** Queues and sends the digests due now; answers how many went and how many days were found empty. */
  async sendDue(): Promise<{ digests: number; empty: number }> {
    const now = this.clock.now();
    const people = await this.staff.activeStaff(this.db);
    const settings = await this.repo.settingsOfAll(
      this.db,
      people.map((p) => p.id),
    );
    const due: { user: UserRow; choices: StaffChoices; day: string }[] = [];
    for (const user of people) {
      const choices = choicesOf(settings.get(user.id));
      if (!choices.digest.length) continue;
      const zone = await this.preferences.zoneOf(choices);
      const minutes = localMinutes(now, zone) - choices.digestHour * 60;
      if (minutes >= 0 && minutes < LATE_WINDOW_MINUTES) due.push({ user, choices, day: localDate(now, zone) });
    }
    const taken = await this.repo.digestsOn(this.db, [...new Set(due.map((d) => d.day))]);
    const emailIds: string[] = [];
    let empty = 0;
    for (const d of due.filter((d) => !taken.has(`${d.user.id}|${d.day}`))) {
      try {
        const id = await this.digestOf(d.user, d.choices, d.day);
        if (id) emailIds.push(id);
        else if (id === null) empty += 1;
      } catch (err) {
        // One person's failure must not keep the others' digests; their day stays free for the next run.
        this.log?.error({ err, userId: d.user.id }, 'morning digest failed');
      }
    }
    if (emailIds.length) await this.outbox.deliver(emailIds);
    return { digests: emailIds.length, empty };
  }

  /** One person's digest of `day`: the email's id, null when there was nothing, undefined when another run took the day. */
  private async digestOf(user: UserRow, choices: StaffChoices, day: string): Promise<string | null | undefined> {
    const language: Language = user.language === 'ru' ? 'ru' : 'en';
    const sections = await this.sectionsOf(user, choices, language);
    const count = sections.overdue.length + sections.today.length + sections.notices.length;
    const now = this.clock.now().toISOString();
    return this.db.transaction().execute(async (t) => {
      if (!(await this.repo.takeDigestDay(t, user.id, day, now, count))) return undefined;
      if (!count) return null;
      return this.outbox.enqueueOne(t, {
        accountId: null,
        purpose: `staff_digest:${user.id}`,
        to: user.email,
        ...digestEmail(sections, { name: user.name, language }, day, this.publicUrl),
      });
    });
  }

  private async sectionsOf(user: UserRow, choices: StaffChoices, language: Language): Promise<DigestSections> {
    const sections: DigestSections = { overdue: [], today: [], notices: [] };
    if (choices.digest.includes('agenda')) {
      const today = await this.agenda.read({ id: user.id, role: user.role, accountId: null, language });
      for (const g of today.groups) {
        const lines = g.group === 'overdue' ? sections.overdue : g.group === 'today' ? sections.today : null;
        lines?.push(...g.items.map((i): DigestLine => ({ text: i.reason, account: i.account?.name ?? null, path: i.record.path })));
      }
    }
    // Urgent Today items are in the sections above already; the other kinds are told here.
    const kinds = choices.digest.filter((k) => k !== 'agenda');
    const since = new Date(this.clock.now().getTime() - NOTICES_SINCE_MS).toISOString();
    for (const row of await this.repo.unreadSince(this.db, user.id, kinds, since)) {
      const n = presentNotice(row, language);
      sections.notices.push({ text: n.text, account: n.account?.name ?? null, path: n.path });
    }
    return sections;
  }
}
