import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB, UsersTable } from '../../db/schema.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';
import { matchesText } from '../../lib/text.js';
import type { UserRow } from './user.presenter.js';

export interface UserListFilter {
  q?: string;
  role?: string;
  active?: boolean;
  limit: number;
  cursor?: string;
}

export class UserRepository {
  constructor(private readonly db: Database) {}

  findById(id: string, trx: Kysely<DB> = this.db): Promise<UserRow | undefined> {
    return trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByEmail(email: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  }

  async any(): Promise<boolean> {
    return !!(await this.db.selectFrom('users').select('id').limit(1).executeTakeFirst());
  }

  async list(f: UserListFilter) {
    const pos = decodeCursor(f.cursor, 'text');
    let q = this.db
      .selectFrom('users')
      .selectAll()
      .orderBy('name')
      .orderBy('id')
      .limit(f.limit + 1);
    if (f.q) q = q.where(matchesText('search_text', f.q));
    if (f.role) q = q.where('role', '=', f.role);
    if (f.active !== undefined) q = q.where('active', '=', f.active ? 1 : 0);
    if (pos) q = q.where((eb) => afterCursor(eb, 'name', 'id', 'asc', pos));
    return toPage(await q.execute(), f.limit, (r) => ({ v: r.name, id: r.id }));
  }

  async insert(trx: Kysely<DB>, row: Insertable<UsersTable>): Promise<UserRow> {
    await trx.insertInto('users').values(row).execute();
    return (await this.findById(row.id, trx))!;
  }
}
