import type { Insertable, Kysely, Selectable } from 'kysely';
import type { FollowUpEmailListQuery } from '../../../common/schemas/billing.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { EmailOutboxTable } from '../../db/tables/billing.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';
import { accountIdScope, type Actor } from '../access/index.js';

export type OutboxRow = Selectable<EmailOutboxTable>;
/** An email with its account's name and ownership columns (null when it is to no account). */
export type OutboxListRow = OutboxRow & { account_name: string | null; owner_id: string | null; backup_owner_id: string | null };

/** The email outbox: every message is stored first and sent after its transaction commits. */
export class OutboxRepository {
  constructor(private readonly db: Database) {}

  /**
   * Inserts each email unless its account already has one of this purpose that day; answers,
   * per account, the id that stands and whether it is new. Many rows, two statements.
   */
  async insertOncePerDay(trx: Kysely<DB>, rows: Insertable<EmailOutboxTable>[]): Promise<Map<string, { id: string; created: boolean }>> {
    const result = new Map<string, { id: string; created: boolean }>();
    if (rows.length === 0) return result;
    const inserted = await trx
      .insertInto('email_outbox')
      .values(rows)
      .onConflict((oc) => oc.columns(['account_id', 'purpose', 'purpose_date']).doNothing())
      .returning(['id', 'account_id'])
      .execute();
    for (const r of inserted) result.set(r.account_id!, { id: r.id, created: true });
    const missing = rows.filter((r) => !result.has(r.account_id!));
    if (missing.length) {
      const existing = await trx
        .selectFrom('email_outbox')
        .select(['id', 'account_id'])
        .where('purpose', '=', rows[0].purpose)
        .where('purpose_date', '=', rows[0].purpose_date!)
        .where(
          'account_id',
          'in',
          missing.map((r) => r.account_id!),
        )
        .execute();
      for (const r of existing) result.set(r.account_id!, { id: r.id, created: false });
    }
    return result;
  }

  async insert(trx: Kysely<DB>, row: Insertable<EmailOutboxTable>): Promise<void> {
    await trx.insertInto('email_outbox').values(row).execute();
  }

  /** Ids of pending emails whose next attempt is due. */
  async dueIds(now: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('email_outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * Takes one due email for sending by moving its next attempt past the send window; only one
   * instance wins the update, so two instances never send the same message.
   */
  async claim(id: string, now: string, until: string): Promise<OutboxRow | undefined> {
    const res = await this.db
      .updateTable('email_outbox')
      .set({ next_attempt_at: until })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .executeTakeFirst();
    if (res.numUpdatedRows === 0n) return undefined;
    return this.db.selectFrom('email_outbox').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findById(id: string, trx: Kysely<DB> = this.db): Promise<OutboxRow | undefined> {
    return trx.selectFrom('email_outbox').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async update(trx: Kysely<DB>, id: string, set: Partial<Insertable<EmailOutboxTable>>): Promise<void> {
    await trx.updateTable('email_outbox').set(set).where('id', '=', id).execute();
  }

  /** Emails waiting to be sent (due or waiting for a retry) and when the oldest was queued. */
  async pendingBacklog(): Promise<{ count: number; oldest: string | null }> {
    const row = await this.db
      .selectFrom('email_outbox')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    return { count: Number(row.n), oldest: row.oldest };
  }

  async countPending(purpose: string, purposeDate: string): Promise<number> {
    const row = await this.db
      .selectFrom('email_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('purpose', '=', purpose)
      .where('purpose_date', '=', purposeDate)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Notes why pending emails wait (email disabled), without counting an attempt. */
  async noteWaiting(reason: string): Promise<void> {
    await this.db
      .updateTable('email_outbox')
      .set({ last_error: reason })
      .where('status', '=', 'pending')
      .where('attempts', '=', 0)
      .where('last_error', 'is', null)
      .execute();
  }

  /** Newest first: emails of one purpose, for the follow-ups page. */
  async list(actor: Actor, purpose: string, f: FollowUpEmailListQuery) {
    const pos = decodeCursor(f.cursor, 'timestamp');
    let q = this.db
      .selectFrom('email_outbox')
      .leftJoin('accounts', 'accounts.id', 'email_outbox.account_id')
      .selectAll('email_outbox')
      .select(['accounts.name as account_name', 'accounts.owner_id', 'accounts.backup_owner_id'])
      .where('email_outbox.purpose', '=', purpose)
      .where((eb) => accountIdScope(actor, eb, 'email_outbox.account_id'))
      .orderBy('email_outbox.created_at', 'desc')
      .orderBy('email_outbox.id', 'desc')
      .limit(f.limit + 1);
    if (f.status) q = q.where('email_outbox.status', '=', f.status);
    if (f.accountId) q = q.where('email_outbox.account_id', '=', f.accountId);
    if (pos) q = q.where((eb) => afterCursor(eb, 'email_outbox.created_at', 'email_outbox.id', 'desc', pos));
    return toPage((await q.execute()) as OutboxListRow[], f.limit, (r) => ({ v: r.created_at, id: r.id }));
  }
}
