import type { Insertable, Kysely } from 'kysely';
import type { Role } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import type { DB, UsersTable } from '../../db/schema.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';
import { matchesText } from '../../lib/text.js';
import { userScope, type Actor } from '../access/index.js';
import type { UserRow } from './user.presenter.js';

export interface UserListFilter {
  q?: string;
  role?: readonly Role[];
  ids?: readonly string[];
  active?: boolean;
  limit: number;
  cursor?: string;
}

export class UserRepository {
  constructor(private readonly db: Database) {}

  findById(id: string, trx: Kysely<DB> = this.db): Promise<UserRow | undefined> {
    return trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByEmail(email: string, trx: Kysely<DB> = this.db): Promise<UserRow | undefined> {
    return trx.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  }

  async any(trx: Kysely<DB> = this.db): Promise<boolean> {
    return !!(await trx.selectFrom('users').select('id').limit(1).executeTakeFirst());
  }

  /** A user the actor may see (see `visibleTo`). */
  findVisible(actor: Actor, id: string): Promise<UserRow | undefined> {
    return this.visibleTo(actor).where('id', '=', id).executeTakeFirst();
  }

  async list(actor: Actor, f: UserListFilter) {
    const pos = decodeCursor(f.cursor, 'text');
    let q = this.visibleTo(actor)
      .orderBy('name')
      .orderBy('id')
      .limit(f.limit + 1);
    if (f.q) q = q.where(matchesText('search_text', f.q));
    if (f.role) q = q.where('role', 'in', f.role);
    if (f.ids) q = q.where('id', 'in', f.ids);
    if (f.active !== undefined) q = q.where('active', '=', f.active ? 1 : 0);
    if (pos) q = q.where((eb) => afterCursor(eb, 'name', 'id', 'asc', pos));
    return toPage(await q.execute(), f.limit, (r) => ({ v: r.name, id: r.id }));
  }

  /** Staff see staff; client users only of accounts the actor reads; a client user only themselves. */
  private visibleTo(actor: Actor) {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where((eb) => userScope(actor, eb));
  }

  /** The ids among `ids` of active users with one of `roles`. */
  async activeWithRole(trx: Kysely<DB>, ids: string[], roles: readonly Role[]): Promise<UserRow[]> {
    if (ids.length === 0) return [];
    return trx.selectFrom('users').selectAll().where('id', 'in', ids).where('role', 'in', roles).where('active', '=', 1).execute();
  }

  /** Every active admin, for alerts that go to all of them. */
  activeAdmins(trx: Kysely<DB>): Promise<UserRow[]> {
    return trx.selectFrom('users').selectAll().where('role', '=', 'admin').where('active', '=', 1).orderBy('id').execute();
  }

  activeStaff(trx: Kysely<DB>): Promise<UserRow[]> {
    return trx.selectFrom('users').selectAll().where('role', '<>', 'client').where('active', '=', 1).orderBy('id').execute();
  }

  /** Active specialists by name; one of them when `onlyId` is given. */
  specialists(onlyId?: string): Promise<UserRow[]> {
    let q = this.db.selectFrom('users').selectAll().where('role', '=', 'specialist').where('active', '=', 1).orderBy('name');
    if (onlyId) q = q.where('id', '=', onlyId);
    return q.execute();
  }

  /** The client user who stands for a contact (the newest, should an admin have made two). */
  findByContact(contactId: string, trx: Kysely<DB> = this.db): Promise<UserRow | undefined> {
    return trx
      .selectFrom('users')
      .selectAll()
      .where('contact_id', '=', contactId)
      .where('role', '=', 'client')
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
  }

  activeClientsOfContact(contactId: string, trx: Kysely<DB>): Promise<UserRow[]> {
    return trx
      .selectFrom('users')
      .selectAll()
      .where('contact_id', '=', contactId)
      .where('role', '=', 'client')
      .where('active', '=', 1)
      .execute();
  }

  async hasClientUsers(trx: Kysely<DB>, accountId: string): Promise<boolean> {
    return !!(await trx.selectFrom('users').select('id').where('account_id', '=', accountId).limit(1).executeTakeFirst());
  }

  async insert(trx: Kysely<DB>, row: Insertable<UsersTable>): Promise<UserRow> {
    await trx.insertInto('users').values(row).execute();
    return (await this.findById(row.id, trx))!;
  }
}
