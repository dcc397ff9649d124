import type { Kysely } from 'kysely';
import type { Language } from '../../../common/enums.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, notFound } from '../../lib/errors.js';
import { searchText } from '../../lib/text.js';
import { updateVersioned } from '../audit/index.js';
import { hashPassword } from './password.js';
import { assertPasswordAllowed } from './password-policy.js';
import { presentUser, type UserRow } from './user.presenter.js';
import type { UserRepository } from './user.repository.js';

/** Told, inside the transaction, when a user's sign-in credentials stop being valid (deactivated, new password). */
export type CredentialsListener = (trx: Kysely<DB>, userId: string) => Promise<void>;

/** A client user for a contact who accepted an invitation. */
export interface ClientEnrolment {
  contactId: string;
  email: string;
  name: string;
  language: Language;
  password: string;
}

/** Creates a user in the caller's transaction (the user service's own `create`). */
type CreateClient = (trx: Kysely<DB>, input: ClientEnrolment) => Promise<{ id: string }>;

/**
 * How users sign in, changed without an admin: a password chosen from an emailed link, a
 * client user enrolled by accepting an invitation or withdrawn with their contact's portal
 * access. Each change ends the user's open sessions in the same transaction.
 */
export class UserCredentials {
  private readonly listeners: CredentialsListener[] = [];

  constructor(
    private readonly repo: UserRepository,
    private readonly clock: Clock,
  ) {}

  onChanged(listener: CredentialsListener): void {
    this.listeners.push(listener);
  }

  /** Tells every listener, in the transaction, that the user's credentials changed. */
  async changed(trx: Kysely<DB>, userId: string): Promise<void> {
    for (const listener of this.listeners) await listener(trx, userId);
  }

  /** Sets a new password by the same rules as everywhere; every session of the user ends. */
  async setPassword(trx: Kysely<DB>, userId: string, password: string): Promise<UserRow> {
    const row = await this.repo.findById(userId, trx);
    if (!row) throw notFound('user');
    assertPasswordAllowed(password, { email: row.email, name: row.name });
    return this.write(trx, row, { password_hash: await hashPassword(password) });
  }

  /**
   * The contact's client user, signing in with `password`: the one the contact already has,
   * re-activated and given the invited address and the password, or a new one.
   */
  async enrolClient(trx: Kysely<DB>, input: ClientEnrolment, create: CreateClient): Promise<UserRow> {
    assertPasswordAllowed(input.password, input);
    const holder = await this.repo.findByEmail(input.email, trx);
    if (holder && holder.contact_id !== input.contactId) throw conflict('invitation.email_in_use', { email: input.email });
    const existing = await this.repo.findByContact(input.contactId, trx);
    if (!existing) return (await this.repo.findById((await create(trx, input)).id, trx))!;
    return this.write(trx, existing, {
      email: input.email,
      active: 1,
      password_hash: await hashPassword(input.password),
      search_text: searchText(existing.name, input.email),
    });
  }

  /** Deactivates the contact's active client users (portal access withdrawn); answers their ids. */
  async deactivateClientsOf(trx: Kysely<DB>, actorId: string, contactId: string): Promise<string[]> {
    const users = await this.repo.activeClientsOfContact(contactId, trx);
    for (const row of users) await this.write(trx, row, { active: 0 }, actorId);
    return users.map((u) => u.id);
  }

  /** Writes a sign-in change with its audit entry (a new password shows as its time, never its hash) and ends the sessions. */
  private async write(
    trx: Kysely<DB>,
    row: UserRow,
    set: { email?: string; active?: number; password_hash?: string; search_text?: string },
    actorId: string = row.id,
  ): Promise<UserRow> {
    const now = this.clock.now().toISOString();
    const passwordChangedAt = set.password_hash ? now : undefined;
    const updated = await updateVersioned(trx, {
      table: 'users',
      id: row.id,
      version: row.version,
      set: { ...set, updated_at: now },
      audit: { actorId, recordType: 'user', before: presentUser(row, null, null), at: now },
      after: async () => (await this.repo.findById(row.id, trx))!,
      audited: (after) => ({ ...presentUser(after, null, null), passwordChangedAt }),
    });
    await this.changed(trx, row.id);
    return updated;
  }
}
