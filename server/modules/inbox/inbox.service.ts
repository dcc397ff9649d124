import type { Kysely } from 'kysely';
import { renderMessage, type Language, type MessageCode, type MessageParams } from '../../../common/messages/index.js';
import type { InboxNotice, InboxPage, StaffNoticeKind } from '../../../common/schemas/inbox.js';
import type { Today } from '../../../common/schemas/today.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { StaffNoticesTable } from '../../db/tables/staff-inbox.js';
import type { Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { assertHasToday, type Actor } from '../access/index.js';
import { choicesOf, type InboxPreferences } from './inbox.preferences.js';
import type { InboxRepository } from './inbox.repository.js';

/** Reads a person's Today (the Today module answers; the inbox only asks it). */
export interface AgendaReader {
  read(actor: Actor): Promise<Today>;
}

/** What a module tells a staff member of, in the transaction where it happens. */
export interface StaffNotice {
  userId: string;
  kind: StaffNoticeKind;
  /** What it is about, stable: a person is told of one key once. */
  key: string;
  account: { id: string; name: string } | null;
  path: string;
  message: [MessageCode, MessageParams];
}

/** Urgencies of a Today item that ring the bell. */
const URGENT = new Set(['high', 'critical']);
/**
 * How often a person's Today is asked for new urgent items: the bell is read every minute from
 * each open tab, and Today is the costliest read of the app. Kept per instance, by the clock.
 */
export const AGENDA_CHECK_MS = 5 * 60_000;

/** A notice in the reader's language. */
export function presentNotice(row: StaffNoticesTable, language: Language): InboxNotice {
  return {
    id: row.id,
    kind: row.kind,
    text: renderMessage(row.code as MessageCode, JSON.parse(row.params) as MessageParams, language),
    account: row.account_id ? { id: row.account_id, name: row.account_name ?? '' } : null,
    path: row.path,
    createdAt: row.created_at,
    read: row.read_at !== null,
  };
}

/**
 * Each staff member's bell: notices of new urgent Today items, clients' messages and
 * assignments, recorded once per person and subject. The modules where things happen call
 * `notify` in their own transaction (wired in the composition root); urgent Today items are
 * taken from Today when the bell is read. A person sees only their own notices.
 */
export class InboxService {
  private readonly agendaCheckedAt = new Map<string, number>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly repo: InboxRepository,
    private readonly preferences: InboxPreferences,
    private readonly agenda: AgendaReader,
  ) {}

  /** Records notices in the caller's transaction; a kind the person turned off everywhere is not recorded. */
  async notify(t: Kysely<DB>, notices: StaffNotice[]): Promise<void> {
    const choices = await this.preferencesOf(
      t,
      notices.map((n) => n.userId),
    );
    const wanted = notices.filter((n) => {
      const c = choices.get(n.userId)!;
      return c.inApp.includes(n.kind) || c.digest.includes(n.kind);
    });
    await this.repo.insert(
      t,
      wanted.map((n) => this.row(n)),
    );
  }

  /** The actor's notices, newest first, with the count of unread ones; urgent Today items new since the last read are added first. */
  async list(actor: Actor, query: { limit: number; cursor?: string; unread: boolean }): Promise<InboxPage> {
    assertHasToday(actor);
    const choices = await this.preferences.choices(actor.id);
    if (choices.inApp.includes('agenda') && this.agendaDue(actor.id)) await this.takeUrgentAgenda(actor);
    const page = await this.repo.page({
      userId: actor.id,
      kinds: choices.inApp,
      unreadOnly: query.unread,
      limit: query.limit,
      cursor: query.cursor,
    });
    const language = actor.language ?? 'en';
    return {
      items: page.items.map((r) => presentNotice(r, language)),
      nextCursor: page.nextCursor,
      unread: await this.repo.unreadCount(actor.id, choices.inApp),
    };
  }

  async markRead(actor: Actor, id: string): Promise<void> {
    assertHasToday(actor);
    if (!(await this.repo.markRead(actor.id, id, this.clock.now().toISOString()))) throw notFound('record');
  }

  async markAllRead(actor: Actor): Promise<void> {
    assertHasToday(actor);
    await this.repo.markAllRead(actor.id, this.clock.now().toISOString());
  }

  /** Whether the person's Today is to be asked again (and, if so, notes that it is asked now). */
  private agendaDue(userId: string): boolean {
    const now = this.clock.now().getTime();
    const last = this.agendaCheckedAt.get(userId);
    if (last !== undefined && now - last < AGENDA_CHECK_MS && now >= last) return false;
    this.agendaCheckedAt.set(userId, now);
    return true;
  }

  /** Records a notice for each high or critical item on the actor's Today not told of before. */
  private async takeUrgentAgenda(actor: Actor): Promise<void> {
    const today = await this.agenda.read(actor);
    const urgent = today.groups.flatMap((g) => g.items).filter((i) => URGENT.has(i.severity));
    if (!urgent.length) return;
    const notices: StaffNotice[] = urgent.map((i) => ({
      userId: actor.id,
      kind: 'agenda',
      key: `agenda:${i.key}`,
      account: i.account,
      path: i.record.path,
      message: [i.reasonCode as MessageCode, i.reasonParams],
    }));
    await this.db.transaction().execute((t) =>
      this.repo.insert(
        t,
        notices.map((n) => this.row(n)),
      ),
    );
  }

  private async preferencesOf(t: Kysely<DB>, userIds: string[]) {
    const rows = await this.repo.settingsOfAll(t, [...new Set(userIds)]);
    return new Map(userIds.map((id) => [id, choicesOf(rows.get(id))]));
  }

  private row(n: StaffNotice): StaffNoticesTable {
    return {
      id: newId(),
      user_id: n.userId,
      kind: n.kind,
      key: n.key,
      account_id: n.account?.id ?? null,
      account_name: n.account?.name ?? null,
      path: n.path,
      code: n.message[0],
      params: JSON.stringify(n.message[1]),
      created_at: this.clock.now().toISOString(),
      read_at: null,
    };
  }
}
