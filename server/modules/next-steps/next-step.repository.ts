import { sql, type Expression, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { NextStepListQuery } from '../../../common/schemas/next-step.js';
import type { Database } from '../../db/database.js';
import { dialectOf } from '../../db/dialect.js';
import type { DB, NextStepsTable } from '../../db/schema.js';
import { decodeCursor, toPage } from '../../lib/pagination.js';
import { accountIdScope, type Actor } from '../access/index.js';

/** Undated next steps sort after every dated one. */
const DUE_KEY = sql<string>`coalesce(next_steps.due_date, '9999-12-31')`;

/** The `next_steps` table, read with the account's name and owners and the owner's name. */
export class NextStepRepository {
  constructor(private readonly db: Database) {}

  private base(trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('next_steps')
      .innerJoin('accounts', 'accounts.id', 'next_steps.account_id')
      .leftJoin('users', 'users.id', 'next_steps.owner_id')
      .selectAll('next_steps')
      .select([
        'accounts.name as account_name',
        'accounts.owner_id as account_owner_id',
        'accounts.backup_owner_id',
        'users.name as owner_name',
      ]);
  }

  find(id: string, trx?: Kysely<DB>) {
    return this.base(trx).where('next_steps.id', '=', id).executeTakeFirst();
  }

  /** The next steps agreed in these interactions, in one query. */
  ofInteractions(interactionIds: string[], trx?: Kysely<DB>) {
    if (interactionIds.length === 0) return Promise.resolve([]);
    return this.base(trx).where('next_steps.interaction_id', 'in', interactionIds).execute();
  }

  findByInteraction(trx: Kysely<DB>, interactionId: string) {
    return this.base(trx).where('next_steps.interaction_id', '=', interactionId).executeTakeFirst();
  }

  /**
   * Next steps of accounts the actor reads: not done ones by due date (undated last), or
   * done ones newest first; `today` (the agency's) separates open from overdue.
   */
  async list(actor: Actor, f: NextStepListQuery, today: string) {
    const done = f.state === 'done';
    const pos = decodeCursor(f.cursor, done ? 'timestamp' : 'date');
    let q = this.base()
      .where((eb) => accountIdScope(actor, eb, 'next_steps.account_id'))
      .limit(f.limit + 1);
    if (f.owner) q = q.where('next_steps.owner_id', '=', f.owner === 'me' ? actor.id : f.owner);
    if (f.accountId) q = q.where('next_steps.account_id', '=', f.accountId);
    if (done) {
      q = q.where('next_steps.done_at', 'is not', null).orderBy('next_steps.done_at', 'desc').orderBy('next_steps.id', 'desc');
      if (pos) q = q.where(sql<boolean>`(next_steps.done_at, next_steps.id) < (${pos.v}, ${pos.id})`);
      return toPage(await q.execute(), f.limit, (r) => ({ v: r.done_at!, id: r.id }));
    }
    q = q.where('next_steps.done_at', 'is', null);
    if (f.state === 'overdue') q = q.where('next_steps.due_date', '<', today);
    if (f.state === 'open') q = q.where((eb) => eb.or([eb('next_steps.due_date', 'is', null), eb('next_steps.due_date', '>=', today)]));
    q = q.orderBy(DUE_KEY).orderBy('next_steps.id');
    if (pos) q = q.where(sql<boolean>`(${DUE_KEY}, next_steps.id) > (${pos.v}, ${pos.id})`);
    return toPage(await q.execute(), f.limit, (r) => ({ v: r.due_date ?? '9999-12-31', id: r.id }));
  }

  async insert(trx: Kysely<DB>, row: Insertable<NextStepsTable>): Promise<void> {
    await trx.insertInto('next_steps').values(row).execute();
  }

  /** Changes the text, date or owner of a step agreed in an interaction when the interaction is edited. */
  async updateOfInteraction(trx: Kysely<DB>, interactionId: string, set: Updateable<NextStepsTable>): Promise<void> {
    await trx
      .updateTable('next_steps')
      .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
      .where('interaction_id', '=', interactionId)
      .execute();
  }

  async deleteOfInteraction(trx: Kysely<DB>, interactionId: string): Promise<void> {
    await trx.deleteFrom('next_steps').where('interaction_id', '=', interactionId).execute();
  }

  async delete(trx: Kysely<DB>, id: string): Promise<void> {
    await trx.deleteFrom('next_steps').where('id', '=', id).execute();
  }
}

export type NextStepRow = NonNullable<Awaited<ReturnType<NextStepRepository['find']>>>;

/** The columns nextStepOfInteraction packs, in this order. */
const PACKED_COLUMNS = ['id', 'text', 'due_date', 'owner_id', 'done_at', 'version'] as const;

/** A next step as nextStepOfInteraction packs it: its PACKED_COLUMNS in order, done_at as JSON writes a timestamp. */
export type PackedNextStep = [string, string, string | null, string, string | null, number];

/**
 * For a statement of another module that shows interactions: the next step agreed in the
 * interaction whose id is `interactionId`, packed as one JSON array (PackedNextStep), or null.
 * The unique index on interaction_id finds it.
 */
export function nextStepOfInteraction(db: Kysely<DB>, interactionId: Expression<string>) {
  const dialect = dialectOf(db);
  return dialect.jsonOfRow(
    dialect.jsonArray(PACKED_COLUMNS.map((c) => sql.ref(`s.${c}`))),
    sql`from next_steps as s where s.interaction_id = ${interactionId}`,
  );
}

/** The columns of a packed next step, with done_at read by `timestamp` (the dialect's jsonTimestamp). */
export function unpackNextStep([id, text, dueDate, ownerId, doneAt, version]: PackedNextStep, timestamp: (v: string) => string) {
  return { id, text, due_date: dueDate, owner_id: ownerId, done_at: doneAt === null ? null : timestamp(doneAt), version };
}
