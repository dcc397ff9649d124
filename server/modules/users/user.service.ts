import type { Kysely } from 'kysely';
import type { Role } from '../../../common/enums.js';
import type { User } from '../../../common/schemas/user.js';
import type { UserCreateSchema, UserUpdateSchema } from '../../../common/schemas/user.js';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, conflictIf, fieldError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { searchText } from '../../lib/text.js';
import { assertAdmin, assertStaff, selfDemotionRefusal, type Actor } from '../access/index.js';
import { recordAudit, updateVersioned } from '../audit/index.js';
import type { SettingsService } from '../settings/index.js';
import { hashPassword } from './password.js';
import { assertPasswordAllowed } from './password-policy.js';
import { presentUser, type UserRow } from './user.presenter.js';
import { UserCredentials, type ClientEnrolment } from './user.credentials.js';
import { UserPhotoRepository } from './user-photo.repository.js';
import { UserRepository, type UserListFilter } from './user.repository.js';

type NewUser = z.output<typeof UserCreateSchema>;
type UserChanges = z.output<typeof UserUpdateSchema>;

/** The company a client user's contact belongs to; answered by the contacts module. */
export type ContactLink = (trx: Kysely<DB>, contactId: string) => Promise<{ contactId: string; accountId: string } | undefined>;

/** Staff and client users: admins manage them; staff look them up. */
export class UserService {
  private readonly repo: UserRepository;
  private readonly photos: UserPhotoRepository;
  /** Sign-in changes made without an admin: passwords from emailed links, client users enrolled and withdrawn. */
  readonly credentials: UserCredentials;
  private readonly changeListeners: Array<(userId: string) => void> = [];

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly contactLink: ContactLink,
  ) {
    this.repo = new UserRepository(db);
    this.photos = new UserPhotoRepository(db);
    this.credentials = new UserCredentials(this.repo, clock);
  }

  /** Registers a listener told when a user's credentials change (the auth module ends their sessions). */
  onCredentialsChanged(listener: Parameters<UserCredentials['onChanged']>[0]): void {
    this.credentials.onChanged(listener);
  }

  /** Registers a listener told after a change to a user commits (the auth module forgets the tokens it trusted). */
  onChanged(listener: (userId: string) => void): void {
    this.changeListeners.push(listener);
  }

  async list(actor: Actor, filter: UserListFilter) {
    assertStaff(actor);
    const page = await this.repo.list(actor, filter);
    const photos = await this.photos.versions(page.items.map((r) => r.id));
    return { items: page.items.map((r) => presentUser(r, actor, photos.get(r.id) ?? null)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<User> {
    const row = await this.repo.findVisible(actor, id);
    if (!row) throw notFound('user');
    return this.present(row, actor);
  }

  /** One user as `actor` sees them, with their photo's address (the signed-in user, a user just changed). */
  async present(row: UserRow, actor: Actor | null, trx?: Kysely<DB>): Promise<User> {
    return presentUser(row, actor, (await this.photos.versions([row.id], trx)).get(row.id) ?? null);
  }

  /** The user row for signing in (the auth module checks the password). */
  findByEmail(email: string, trx?: Kysely<DB>): Promise<UserRow | undefined> {
    return this.repo.findByEmail(email, trx);
  }

  findById(id: string, trx?: Kysely<DB>): Promise<UserRow | undefined> {
    return this.repo.findById(id, trx);
  }

  /** True once any user exists (first-run setup is over). */
  any(): Promise<boolean> {
    return this.repo.any();
  }

  /** The users among `ids` that are active and have one of `roles`. */
  activeWithRole(trx: Kysely<DB>, ids: string[], roles: readonly Role[]): Promise<UserRow[]> {
    return this.repo.activeWithRole(trx, [...new Set(ids)], roles);
  }

  /** Every active admin, for alerts that go to all of them. */
  activeAdmins(trx: Kysely<DB>): Promise<UserRow[]> {
    return this.repo.activeAdmins(trx);
  }

  /** Every active staff member (not client users), for what each is told of. */
  activeStaff(trx: Kysely<DB>): Promise<UserRow[]> {
    return this.repo.activeStaff(trx);
  }

  /** Active specialists (for the workload report); only `onlyId` when given. */
  specialists(onlyId?: string): Promise<UserRow[]> {
    return this.repo.specialists(onlyId);
  }

  /** Refuses to delete an account that still has portal users. */
  async assertNoClientUsers(trx: Kysely<DB>, accountId: string): Promise<void> {
    if (await this.repo.hasClientUsers(trx, accountId)) throw conflict('account.has_portal_users');
  }

  /** Creates a user; `actor` null is the bootstrap (first admin, CLI). */
  async create(actor: Actor | null, input: NewUser, trx?: Kysely<DB>): Promise<User> {
    if (actor) assertAdmin(actor);
    assertPasswordAllowed(input.password, input);
    const run = async (t: Kysely<DB>) => {
      if (await this.repo.findByEmail(input.email, t)) throw fieldError('email', 'user.email_taken');
      const link = await this.clientLink(t, input.role, input.contactId ?? null);
      const now = this.clock.now().toISOString();
      const row = await this.repo.insert(t, {
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
        capacity_hours_per_week: input.capacityHoursPerWeek,
        phone: input.phone ?? null,
        search_text: searchText(input.name, input.email),
        created_at: now,
        updated_at: now,
      });
      const user = presentUser(row, actor, null);
      await recordAudit(t, { actorId: actor?.id ?? null, recordType: 'user', recordId: user.id, action: 'create', after: user, at: now });
      return user;
    };
    return trx ? run(trx) : this.db.transaction().execute(run);
  }

  /**
   * First-run setup: creates the first admin only while no user exists. Claiming the
   * "setup done" setting makes two simultaneous setups collide, so exactly one wins.
   */
  async createFirstAdmin(input: Omit<NewUser, 'role'>): Promise<User | null> {
    try {
      return await this.db.transaction().execute(async (t) => {
        if (await this.repo.any(t)) return null;
        if (!(await this.settings.claim('setup.completed_at', this.clock.now().toISOString(), t))) return null;
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
      const row = await this.repo.findById(id, t);
      if (!row) throw notFound('user');
      conflictIf(selfDemotionRefusal(actor, id, changes));
      if (changes.email && changes.email !== row.email && (await this.repo.findByEmail(changes.email, t))) {
        throw fieldError('email', 'user.email_taken');
      }
      if (changes.password) assertPasswordAllowed(changes.password, { email: changes.email ?? row.email, name: changes.name ?? row.name });
      const role = changes.role ?? row.role;
      const link = await this.clientLink(t, role, changes.contactId !== undefined ? changes.contactId : row.contact_id);
      const now = this.clock.now().toISOString();
      const after = await updateVersioned(t, {
        table: 'users',
        id,
        version: expected ?? row.version,
        set: {
          email: changes.email,
          name: changes.name,
          role: changes.role,
          specialties: changes.specialties ? JSON.stringify(changes.specialties) : undefined,
          contact_id: link.contactId,
          account_id: link.accountId,
          active: changes.active === undefined ? undefined : changes.active ? 1 : 0,
          language: changes.language,
          capacity_hours_per_week: changes.capacityHoursPerWeek,
          phone: changes.phone,
          password_hash: changes.password ? await hashPassword(changes.password) : undefined,
          search_text: searchText(changes.name ?? row.name, changes.email ?? row.email),
          updated_at: now,
        },
        audit: { actorId: actor.id, recordType: 'user', before: await this.present(row, actor, t), at: now },
        after: async () => this.present((await this.repo.findById(id, t))!, actor, t),
      });
      // A deactivated user or a new password ends every open session at once.
      if (changes.active === false || changes.password) await this.credentials.changed(t, id);
      return after;
    });
    this.changed(id);
    return updated;
  }

  /** A user's own language and name; a stale If-Match answers 412. */
  async updateProfile(actor: Actor, changes: { language?: 'en' | 'ru'; name?: string }, expected?: number): Promise<User> {
    const updated = await this.db.transaction().execute(async (t) => {
      const row = (await this.repo.findById(actor.id, t))!;
      const now = this.clock.now().toISOString();
      return updateVersioned(t, {
        table: 'users',
        id: actor.id,
        version: expected ?? row.version,
        set: {
          language: changes.language,
          name: changes.name,
          search_text: searchText(changes.name ?? row.name, row.email),
          updated_at: now,
        },
        audit: { actorId: actor.id, recordType: 'user', before: await this.present(row, actor, t), at: now },
        after: async () => this.present((await this.repo.findById(actor.id, t))!, actor, t),
      });
    });
    this.changed(actor.id);
    return updated;
  }

  /**
   * The contact's client user after an accepted invitation (see `UserCredentials.enrolClient`),
   * in the caller's transaction; call `changed` once it commits.
   */
  enrolClient(trx: Kysely<DB>, input: ClientEnrolment): Promise<UserRow> {
    return this.credentials.enrolClient(trx, input, (t, x) =>
      this.create(
        null,
        { email: x.email, name: x.name, role: 'client', password: x.password, contactId: x.contactId, language: x.language },
        t,
      ),
    );
  }

  /** Tells the listeners that a change to the user committed (API tokens answer with it at once). */
  changed(userId: string) {
    for (const listener of this.changeListeners) listener(userId);
  }

  /**
   * A client user must be tied to a contact of their company, whose account is what they
   * see; a staff user is never tied to a client's contact.
   */
  private async clientLink(t: Kysely<DB>, role: string, contactId: string | null) {
    if (role !== 'client') {
      if (contactId) throw fieldError('contactId', 'user.staff_with_contact');
      return { contactId: null, accountId: null };
    }
    if (!contactId) throw fieldError('contactId', 'user.client_needs_contact');
    const link = await this.contactLink(t, contactId);
    if (!link) throw fieldError('contactId', 'contact.no_such_contact');
    return link;
  }
}
