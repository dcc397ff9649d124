import { sql, type Insertable, type Kysely } from 'kysely';
import type { AccountStatus } from '../../../common/enums.js';
import type { AccountListQuery } from '../../../common/schemas/account.js';
import type { Database } from '../../db/database.js';
import { QueryTemplate } from '../../db/query-template.js';
import type { AccountsTable, DB } from '../../db/schema.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';
import { likePattern, matchesPattern } from '../../lib/text.js';
import { accountScope, accountScopeParts, type Actor, type OwnedAccount } from '../access/index.js';
import type { AccountRow } from './account.presenter.js';

/** Accounts per statement when their health is written (params stay far below both databases' limits). */
const HEALTH_CHUNK = 400;

const SORT_COLUMNS = { name: 'name', createdAt: 'created_at', updatedAt: 'updated_at', healthScore: 'health_score' } as const;

/** What changes the list's SQL: the reader's role, the sort, which filters are given, the cursor and the page size. */
interface ListShape extends Record<string, string | boolean | number> {
  role: Actor['role'];
  client: boolean;
  key: (typeof SORT_COLUMNS)[keyof typeof SORT_COLUMNS];
  desc: boolean;
  q: boolean;
  status: boolean;
  owner: boolean;
  createdFrom: boolean;
  createdTo: boolean;
  after: boolean;
  rows: number;
}

interface ListValues extends Record<string, unknown> {
  actorId: string;
  actorAccountId: string;
  pattern: string;
  /** Null when the list is not filtered by status (the SQL then has no slot for it). */
  status: AccountStatus | null;
  ownerId: string;
  createdFrom: string;
  createdBefore: string;
  afterValue: string | number;
  afterId: string;
}

/**
 * The list statement, compiled once per shape (building it cost about a third of the request).
 * A manager's accounts are those they own plus those they back up: each part is listed by its
 * own index and the two ordered pages merged, much cheaper than sorting every matching row.
 */
const listQuery = new QueryTemplate<ListShape, ListValues, AccountRow>((db, shape, v) => {
  const actor: Actor = { id: v.actorId, role: shape.role, accountId: shape.client ? v.actorAccountId : null };
  const dir = shape.desc ? 'desc' : 'asc';
  const pos = shape.after ? { v: v.afterValue, id: v.afterId } : null;
  const branch = (scope: ReturnType<typeof accountScopeParts>[number]) => {
    let q = db
      .selectFrom('accounts')
      .selectAll()
      .where((eb) => scope(eb))
      .orderBy(shape.key, dir)
      .orderBy('id', dir)
      .limit(sql.lit(shape.rows));
    if (shape.q) q = q.where(matchesPattern('search_text', v.pattern));
    if (shape.status) q = q.where('status', '=', v.status);
    if (shape.owner) q = q.where('owner_id', '=', v.ownerId);
    if (shape.createdFrom) q = q.where('created_at', '>=', v.createdFrom);
    if (shape.createdTo) q = q.where('created_at', '<', v.createdBefore);
    if (pos) q = q.where((eb) => afterCursor(eb, shape.key, 'id', dir, pos));
    return q;
  };
  const [first, ...more] = accountScopeParts(actor).map(branch);
  if (!more.length) return first.compile();
  return db
    .selectFrom(more.reduce((u, b) => u.unionAll(db.selectFrom(b.as('p')).selectAll()), db.selectFrom(first.as('p')).selectAll()).as('t'))
    .selectAll()
    .orderBy(shape.key, dir)
    .orderBy('id', dir)
    .limit(sql.lit(shape.rows))
    .compile();
});

export class AccountRepository {
  constructor(private readonly db: Database) {}

  findById(id: string, trx: Kysely<DB> = this.db): Promise<AccountRow | undefined> {
    return trx.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Who owns and backs up each of many accounts, in one query. */
  /** Whether `backupId` backs up at least one account `ownerId` owns. */
  async backsUp(backupId: string, ownerId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('accounts')
      .select('id')
      .where('owner_id', '=', ownerId)
      .where('backup_owner_id', '=', backupId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  ownership(ids: string[]): Promise<OwnedAccount[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('accounts').select(['id', 'owner_id', 'backup_owner_id']).where('id', 'in', ids).execute();
  }

  /** The accounts the actor may read, filtered, sorted and one page long. */
  async list(actor: Actor, f: AccountListQuery) {
    const desc = f.sort.startsWith('-');
    const key = SORT_COLUMNS[f.sort.replace('-', '') as keyof typeof SORT_COLUMNS];
    const pos = decodeCursor(f.cursor, key === 'name' ? 'text' : key === 'health_score' ? 'any' : 'timestamp');
    const shape: ListShape = {
      role: actor.role,
      client: actor.accountId !== null,
      key,
      desc,
      q: !!f.q,
      status: !!f.status,
      owner: !!f.ownerId,
      createdFrom: !!f.createdFrom,
      createdTo: !!f.createdTo,
      after: pos !== null,
      rows: f.limit + 1,
    };
    const rows = await listQuery.execute(this.db, shape, {
      actorId: actor.id,
      actorAccountId: actor.accountId ?? '',
      pattern: f.q ? likePattern(f.q) : '',
      status: f.status ?? null,
      ownerId: f.ownerId ?? '',
      createdFrom: f.createdFrom ? new Date(f.createdFrom).toISOString() : '',
      createdBefore: f.createdTo ? new Date(new Date(f.createdTo).getTime() + 86_400_000).toISOString() : '',
      afterValue: pos?.v ?? '',
      afterId: pos?.id ?? '',
    });
    return toPage(rows, f.limit, (r) => ({ v: r[key], id: r.id }));
  }

  /** The people who own at least one account the actor may read, by name. */
  visibleOwners(actor: Actor) {
    return this.db
      .selectFrom('users')
      .select(['users.id', 'users.name'])
      .where('users.id', 'in', (eb) =>
        eb
          .selectFrom('accounts')
          .select('accounts.owner_id')
          .where('accounts.owner_id', 'is not', null)
          .where((a) => accountScope(actor, a)),
      )
      .orderBy('users.name')
      .orderBy('users.id')
      .execute();
  }

  async insert(trx: Kysely<DB>, row: Insertable<AccountsTable>): Promise<AccountRow> {
    await trx.insertInto('accounts').values(row).execute();
    return (await this.findById(row.id, trx))!;
  }

  /** Active accounts with their status, for the nightly health snapshot. */
  active(trx: Kysely<DB>) {
    return trx.selectFrom('accounts').select(['id', 'status']).where('status', '=', 'active').orderBy('id').execute();
  }

  /** Writes the latest health score and grade of many accounts: one statement per few hundred accounts. */
  async recordHealth(trx: Kysely<DB>, rows: { id: string; score: number | null; grade: string | null }[]): Promise<void> {
    for (let i = 0; i < rows.length; i += HEALTH_CHUNK) {
      const chunk = rows.slice(i, i + HEALTH_CHUNK);
      const score = sql<number>`case id ${sql.join(
        chunk.map((r) => sql`when ${r.id} then cast(${r.score ?? -1} as integer)`),
        sql` `,
      )} else health_score end`;
      const grade = sql<string | null>`case id ${sql.join(
        chunk.map((r) => sql`when ${r.id} then ${r.grade}`),
        sql` `,
      )} else health_grade end`;
      await trx
        .updateTable('accounts')
        .set({ health_score: score, health_grade: grade as never })
        .where(
          'id',
          'in',
          chunk.map((r) => r.id),
        )
        .execute();
    }
  }

  async delete(trx: Kysely<DB>, id: string): Promise<void> {
    await trx.deleteFrom('accounts').where('id', '=', id).execute();
  }
}
