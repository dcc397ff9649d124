import type { Insertable, Kysely } from 'kysely';
import type { AccountListQuery } from '../../../common/schemas/account.js';
import type { Database } from '../../db/database.js';
import type { AccountsTable, DB } from '../../db/schema.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';
import { matchesText } from '../../lib/text.js';
import { accountScopeParts, type Actor, type OwnedAccount } from '../access/index.js';
import type { AccountRow } from './account.presenter.js';

const SORT_COLUMNS = { name: 'name', createdAt: 'created_at', updatedAt: 'updated_at' } as const;

export class AccountRepository {
  constructor(private readonly db: Database) {}

  findById(id: string, trx: Kysely<DB> = this.db): Promise<AccountRow | undefined> {
    return trx.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Who owns and backs up each of many accounts, in one query. */
  ownership(ids: string[]): Promise<OwnedAccount[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('accounts').select(['id', 'owner_id', 'backup_owner_id']).where('id', 'in', ids).execute();
  }

  /** The accounts the actor may read, filtered, sorted and one page long. */
  async list(actor: Actor, f: AccountListQuery) {
    const desc = f.sort.startsWith('-');
    const key = SORT_COLUMNS[f.sort.replace('-', '') as keyof typeof SORT_COLUMNS];
    const dir = desc ? 'desc' : 'asc';
    const pos = decodeCursor(f.cursor, key === 'name' ? 'text' : 'timestamp');
    const branch = (scope: ReturnType<typeof accountScopeParts>[number]) => {
      let q = this.db
        .selectFrom('accounts')
        .selectAll()
        .where((eb) => scope(eb))
        .orderBy(key, dir)
        .orderBy('id', dir)
        .limit(f.limit + 1);
      if (f.q) q = q.where(matchesText('search_text', f.q));
      if (f.status) q = q.where('status', '=', f.status);
      if (f.ownerId) q = q.where('owner_id', '=', f.ownerId);
      if (f.createdFrom) q = q.where('created_at', '>=', new Date(f.createdFrom).toISOString());
      if (f.createdTo) q = q.where('created_at', '<', new Date(new Date(f.createdTo).getTime() + 86_400_000).toISOString());
      if (pos) q = q.where((eb) => afterCursor(eb, key, 'id', dir, pos));
      return q;
    };
    const [first, ...more] = accountScopeParts(actor).map(branch);
    const rows = more.length
      ? await this.db
          .selectFrom(
            more
              .reduce((u, b) => u.unionAll(this.db.selectFrom(b.as('p')).selectAll()), this.db.selectFrom(first.as('p')).selectAll())
              .as('t'),
          )
          .selectAll()
          .orderBy(key, dir)
          .orderBy('id', dir)
          .limit(f.limit + 1)
          .execute()
      : await first.execute();
    return toPage(rows, f.limit, (r) => ({ v: r[key], id: r.id }));
  }

  async insert(trx: Kysely<DB>, row: Insertable<AccountsTable>): Promise<AccountRow> {
    await trx.insertInto('accounts').values(row).execute();
    return (await this.findById(row.id, trx))!;
  }

  async delete(trx: Kysely<DB>, id: string): Promise<void> {
    await trx.deleteFrom('accounts').where('id', '=', id).execute();
  }
}
