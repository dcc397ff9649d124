import type { Kysely } from 'kysely';
import type { UserCreate, UserUpdate, User } from '../../../common/schemas/user.js';
import { UserCreateSchema, UserUpdateSchema } from '../../../common/schemas/user.js';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { updateIfVersion } from '../../db/versioned.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, fieldError, notFound, preconditionFailed } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { searchText } from '../../lib/text.js';
import type { Actor } from '../access/actor.js';
import { assertAdmin, assertStaff } from '../access/policy.js';
import { recordAudit } from '../audit/audit.recorder.js';
import { tokenCacheOf } from '../auth/token-cache.js';
import { hashPassword } from '../auth/password.js';
import { presentUser } from './user.presenter.js';
import { UserRepository, type UserListFilter } from './user.repository.js';

type NewUser = z.output<typeof UserCreateSchema>;
type UserChanges = z.output<typeof UserUpdateSchema>;

/** Staff and client users: admins manage them; every staff member may look them up. */
export class UserService {
  readonly users: UserRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    this.users = new UserRepository(db);
  }

  async list(actor: Actor, filter: UserListFilter) {
    assertStaff(actor);
    const page = await this.users.list(filter);
    return { items: page.items.map(presentUser), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<User> {
    if (actor.role === 'client' && actor.id !== id) throw notFound('user');
    const row = await this.users.findById(id);
    if (!row) throw notFound('user');
    return presentUser(row);
  }

  /** Creates a user; `actor` null is the bootstrap (first admin, CLI). */
  async create(actor: Actor | null, input: NewUser, trx?: Kysely<DB>): Promise<User> {
    if (actor) assertAdmin(actor);
    const run = async (t: Kysely<DB>) => {
      if (await t.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst()) {
        throw fieldError('email', 'A user with this email already exists');
      }
      const link = await this.clientLink(t, input.role, input.contactId ?? null);
      const now = this.clock.now().toISOString();
      const row = await this.users.insert(t, {
        id: newId(),
        email: input.email,
        name: input.name,
        role: input.role,
        password_hash: await hashPassword(input.password),
        specialties: JSON.stringify(input.specialties ?? []),
        contact_id: link.contactId,
        account_id: link.accountId,
        active: 1,
        language: input.language ?? 'en',
        search_text: searchText(input.name, input.email),
        created_at: now,
        updated_at: now,
      });
      const user = presentUser(row);
      await recordAudit(t, { actorId: actor?.id ?? null, recordType: 'user', recordId: user.id, action: 'create', after: user, at: now });
      return user;
    };
    return trx ? run(trx) : this.db.transaction().execute(run);
  }

  /**
   * First-run setup: creates the first admin only while no user exists. The settings row
   * makes two simultaneous setups collide, so exactly one wins.
   */
  async createFirstAdmin(input: Omit<NewUser, 'role'>): Promise<User | null> {
    try {
      return await this.db.transaction().execute(async (t) => {
        if (await t.selectFrom('users').select('id').limit(1).executeTakeFirst()) return null;
        await t.insertInto('settings').values({ key: 'setup.completed_at', value: this.clock.now().toISOString() }).execute();
        return this.create(null, { ...input, role: 'admin' }, t);
      });
    } catch (err) {
      if (isUniqueViolation(err)) return null;
      throw err;
    }
  }

  async update(actor: Actor, id: string, changes: UserChanges, expected?: number): Promise<User> {
    assertAdmin(actor);
    const updated = await this.db.transaction().execute(async (t) => {
      const row = await this.users.findById(id, t);
      if (!row) throw notFound('user');
      if (id === actor.id && (changes.active === false || (changes.role && changes.role !== 'admin'))) {
        throw conflict('You cannot deactivate yourself or remove your own admin role.');
      }
      if (
        changes.email &&
        changes.email !== row.email &&
        (await t.selectFrom('users').select('id').where('email', '=', changes.email).executeTakeFirst())
      ) {
        throw fieldError('email', 'A user with this email already exists');
      }
      const role = changes.role ?? row.role;
      const link = await this.clientLink(t, role, changes.contactId !== undefined ? changes.contactId : row.contact_id);
      const now = this.clock.now().toISOString();
      const ok = await updateIfVersion(t, 'users', id, expected ?? row.version, {
        email: changes.email,
        name: changes.name,
        role: changes.role,
        specialties: changes.specialties ? JSON.stringify(changes.specialties) : undefined,
        contact_id: link.contactId,
        account_id: link.accountId,
        active: changes.active === undefined ? undefined : changes.active ? 1 : 0,
        language: changes.language,
        capacity_hours_per_week: changes.capacityHoursPerWeek,
        password_hash: changes.password ? await hashPassword(changes.password) : undefined,
        search_text: searchText(changes.name ?? row.name, changes.email ?? row.email),
        updated_at: now,
      });
      if (!ok) throw preconditionFailed();
      // A deactivated user or a new password ends every open session at once.
      if (changes.active === false || changes.password) await t.deleteFrom('sessions').where('user_id', '=', id).execute();
      const after = presentUser((await this.users.findById(id, t))!);
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'user',
        recordId: id,
        action: 'update',
        before: presentUser(row),
        after,
        at: now,
      });
      return after;
    });
    // Its API tokens answer with the new role, or stop working, at once on this instance.
    tokenCacheOf(this.db).clear();
    return updated;
  }

  /** A user's own language and name. */
  async updateProfile(actor: Actor, changes: { language?: 'en' | 'ru'; name?: string }): Promise<User> {
    return this.db.transaction().execute(async (t) => {
      const row = (await this.users.findById(actor.id, t))!;
      const now = this.clock.now().toISOString();
      await updateIfVersion(t, 'users', actor.id, row.version, {
        language: changes.language,
        name: changes.name,
        search_text: searchText(changes.name ?? row.name, row.email),
        updated_at: now,
      });
      const after = presentUser((await this.users.findById(actor.id, t))!);
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'user',
        recordId: actor.id,
        action: 'update',
        before: presentUser(row),
        after,
        at: now,
      });
      return after;
    });
  }

  /** A client user must be tied to a contact; the contact's company is what they see. */
  private async clientLink(t: Kysely<DB>, role: string, contactId: string | null) {
    if (role !== 'client') return { contactId: contactId ?? null, accountId: null };
    if (!contactId) throw fieldError('contactId', 'A client user must be linked to a contact of their company');
    const contact = await t.selectFrom('contacts').select(['id', 'account_id']).where('id', '=', contactId).executeTakeFirst();
    if (!contact) throw fieldError('contactId', 'No contact with this id');
    return { contactId: contact.id, accountId: contact.account_id };
  }
}

export type { UserCreate, UserUpdate };
