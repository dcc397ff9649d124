import ical from 'ical-generator';
import type { CalendarFeed } from '../../../common/schemas/calendar-feed.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { addDays } from '../../lib/dates.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { linkTokenHash, newLinkToken } from '../../lib/links.js';
import { canReadAccount, hasToday, managesAccounts, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { UserService } from '../users/index.js';
import type { FeedEvent, FeedScope, FeedSource } from './feed-source.js';

/** A feed shows the last month (what was missed) and the year ahead. */
const DAYS_BACK = 30;
const DAYS_AHEAD = 366;

/**
 * Calendar feeds: secret addresses serving a person's dates (or one account's) as iCalendar,
 * from the sources the modules contribute. Access is decided when the feed is read, not when
 * it was made: a person who left, or lost the account, gets 404 from then on.
 */
export class CalendarFeedService {
  private readonly sources: FeedSource[] = [];

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly calendar: AgencyCalendar,
    private readonly users: UserService,
    private readonly accounts: AccountService,
    private readonly publicUrl: string | undefined,
  ) {}

  addSource(source: FeedSource): void {
    this.sources.push(source);
  }

  /** The person's feed: made on the first call, the same address afterwards. */
  async mine(actor: Actor): Promise<CalendarFeed> {
    if (!hasToday(actor)) throw forbidden('access.internal_only');
    return (await this.current(actor.id, null)) ?? this.make(actor.id, null);
  }

  /** An account's feed for one who looks after it (its owner, backup or an admin). */
  async ofAccount(actor: Actor, accountId: string): Promise<CalendarFeed> {
    await this.assertMayFollow(actor, accountId);
    return (await this.current(actor.id, accountId)) ?? this.make(actor.id, accountId);
  }

  /** A new address; the old one answers 404 from now on. */
  async regenerate(actor: Actor, accountId: string | null): Promise<CalendarFeed> {
    if (accountId) await this.assertMayFollow(actor, accountId);
    else if (!hasToday(actor)) throw forbidden('access.internal_only');
    await this.revoke(actor, accountId);
    return this.make(actor.id, accountId);
  }

  /** Ends the address: calendars subscribed to it get 404. */
  async revoke(actor: Actor, accountId: string | null): Promise<void> {
    await this.db
      .updateTable('calendar_feeds')
      .set({ revoked_at: this.clock.now().toISOString() })
      .where('user_id', '=', actor.id)
      .where((eb) => (accountId ? eb('account_id', '=', accountId) : eb('account_id', 'is', null)))
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** The iCalendar text a secret address serves; 404 for an unknown or revoked one, or one whose owner may no longer read it. */
  async render(token: string): Promise<string> {
    const feed = await this.db
      .selectFrom('calendar_feeds')
      .select(['user_id', 'account_id'])
      .where('token_hash', '=', linkTokenHash(token))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const user = feed && (await this.users.findById(feed.user_id));
    if (!feed || !user || !user.active) throw notFound('record');
    const actor: Actor = { id: user.id, role: user.role, accountId: user.account_id };
    let scope: FeedScope;
    let name = `Liaison — ${user.name}`;
    if (feed.account_id) {
      const account = (await this.accounts.ownership([feed.account_id])).get(feed.account_id);
      if (!account || !managesAccounts(actor) || !canReadAccount(actor, account)) throw notFound('record');
      scope = { accountId: feed.account_id };
      name = `Liaison — ${(await this.accounts.get(actor, feed.account_id)).name}`;
    } else {
      if (!hasToday(actor)) throw notFound('record');
      scope = { subject: { id: user.id, role: user.role, coveredBy: null } };
    }
    const today = await this.calendar.today();
    const window = { from: addDays(today, -DAYS_BACK), to: addDays(today, DAYS_AHEAD) };
    const events = (await Promise.all(this.sources.map((s) => s.events(scope, window, user.language)))).flat();
    return this.ics(name, await this.calendar.timeZone(), events);
  }

  private ics(name: string, timeZone: string, events: FeedEvent[]): string {
    // No calendar-wide time zone: timed events are UTC instants and days are plain dates, which
    // every calendar reads right whatever zone the server runs in; the agency's zone is a hint.
    const cal = ical({ name, prodId: { company: 'Liaison', product: 'Liaison' } });
    cal.x([['X-WR-TIMEZONE', timeZone]]);
    const stamp = this.clock.now();
    for (const e of events.sort((a, b) => a.uid.localeCompare(b.uid))) {
      const common = {
        id: `${e.uid}@liaison`,
        summary: e.summary,
        description: e.description,
        stamp,
        url: this.publicUrl ? new URL(e.path, this.publicUrl).toString() : undefined,
      };
      if ('date' in e.when) cal.createEvent({ ...common, start: new Date(`${e.when.date}T00:00:00Z`), allDay: true });
      else cal.createEvent({ ...common, start: new Date(e.when.start), end: new Date(e.when.end) });
    }
    return cal.toString();
  }

  private async assertMayFollow(actor: Actor, accountId: string): Promise<void> {
    const account = (await this.accounts.ownership([accountId])).get(accountId);
    if (!account || !canReadAccount(actor, account)) throw notFound('account');
    if (!managesAccounts(actor)) throw forbidden('access.internal_only');
  }

  private async current(userId: string, accountId: string | null): Promise<CalendarFeed | null> {
    const row = await this.db
      .selectFrom('calendar_feeds')
      .select(['token', 'created_at'])
      .where('user_id', '=', userId)
      .where((eb) => (accountId ? eb('account_id', '=', accountId) : eb('account_id', 'is', null)))
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    return row ? { url: this.address(row.token), createdAt: new Date(row.created_at).toISOString() } : null;
  }

  private async make(userId: string, accountId: string | null): Promise<CalendarFeed> {
    const { token, hash } = newLinkToken();
    const createdAt = this.clock.now().toISOString();
    await this.db
      .insertInto('calendar_feeds')
      .values({ id: newId(), user_id: userId, account_id: accountId, token, token_hash: hash, created_at: createdAt, revoked_at: null })
      .execute();
    return { url: this.address(token), createdAt };
  }

  private address(token: string): string {
    const path = `/calendar/${token}.ics`;
    return this.publicUrl ? new URL(path, this.publicUrl).toString() : path;
  }
}
