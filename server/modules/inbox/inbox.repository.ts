import type { Insertable, Kysely } from 'kysely';
import type { StaffNoticeKind } from '../../../common/schemas/inbox.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { StaffNoticesTable, StaffNotificationSettingsTable } from '../../db/tables/staff-inbox.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';

/** The notices, choices and digest days of staff notifications; the only place with their queries. */
export class InboxRepository {
  constructor(private readonly db: Database) {}

  /** Adds notices; one a person already has for the same key is kept as it is (each is told once). */
  async insert(trx: Kysely<DB>, rows: Insertable<StaffNoticesTable>[]): Promise<number> {
    if (!rows.length) return 0;
    const added = await trx
      .insertInto('staff_notices')
      .values(rows)
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .returning('id')
      .execute();
    return added.length;
  }

  /** A person's notices of the kinds given, newest first. */
  async page(f: { userId: string; kinds: readonly StaffNoticeKind[]; unreadOnly: boolean; limit: number; cursor?: string }) {
    const pos = decodeCursor(f.cursor, 'timestamp');
    if (!f.kinds.length) return { items: [], nextCursor: null };
    let q = this.db
      .selectFrom('staff_notices')
      .selectAll()
      .where('user_id', '=', f.userId)
      .where('kind', 'in', f.kinds)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit + 1);
    if (f.unreadOnly) q = q.where('read_at', 'is', null);
    if (pos) q = q.where((eb) => afterCursor(eb, 'created_at', 'id', 'desc', pos));
    return toPage(await q.execute(), f.limit, (r) => ({ v: r.created_at, id: r.id }));
  }

  async unreadCount(userId: string, kinds: readonly StaffNoticeKind[]): Promise<number> {
    if (!kinds.length) return 0;
    const row = await this.db
      .selectFrom('staff_notices')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('user_id', '=', userId)
      .where('kind', 'in', kinds)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Unread notices of the kinds given created since an instant, oldest first (for the digest). */
  unreadSince(trx: Kysely<DB>, userId: string, kinds: readonly StaffNoticeKind[], since: string) {
    if (!kinds.length) return Promise.resolve([]);
    return trx
      .selectFrom('staff_notices')
      .selectAll()
      .where('user_id', '=', userId)
      .where('kind', 'in', kinds)
      .where('read_at', 'is', null)
      .where('created_at', '>', since)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Marks one of a person's notices read; false when it is not theirs (or does not exist). */
  async markRead(userId: string, id: string, at: string): Promise<boolean> {
    const found = await this.db
      .selectFrom('staff_notices')
      .select('id')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!found) return false;
    await this.db.updateTable('staff_notices').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
    return true;
  }

  async markAllRead(userId: string, at: string): Promise<void> {
    await this.db.updateTable('staff_notices').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null).execute();
  }

  settingsOf(userId: string, trx: Kysely<DB> = this.db): Promise<StaffNotificationSettingsTable | undefined> {
    return trx.selectFrom('staff_notification_settings').selectAll().where('user_id', '=', userId).executeTakeFirst();
  }

  /** The choices of these people (those without a row have the defaults). */
  async settingsOfAll(trx: Kysely<DB>, userIds: string[]): Promise<Map<string, StaffNotificationSettingsTable>> {
    if (!userIds.length) return new Map();
    const rows = await trx.selectFrom('staff_notification_settings').selectAll().where('user_id', 'in', userIds).execute();
    return new Map(rows.map((r) => [r.user_id, r]));
  }

  async putSettings(trx: Kysely<DB>, row: StaffNotificationSettingsTable): Promise<void> {
    const { user_id: _id, ...set } = row;
    await trx
      .insertInto('staff_notification_settings')
      .values(row)
      .onConflict((oc) => oc.column('user_id').doUpdateSet(set))
      .execute();
  }

  /** Who among these people already had their digest taken on one of these days. */
  async digestsOn(trx: Kysely<DB>, days: string[]): Promise<Set<string>> {
    if (!days.length) return new Set();
    const rows = await trx.selectFrom('staff_digests').select(['user_id', 'day']).where('day', 'in', days).execute();
    return new Set(rows.map((r) => `${r.user_id}|${r.day}`));
  }

  /** Takes a person's digest day; false when another run took it first (the key is unique). */
  async takeDigestDay(trx: Kysely<DB>, userId: string, day: string, at: string, items: number): Promise<boolean> {
    const taken = await trx
      .insertInto('staff_digests')
      .values({ user_id: userId, day, taken_at: at, items })
      .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
      .returning('user_id')
      .execute();
    return taken.length > 0;
  }
}
