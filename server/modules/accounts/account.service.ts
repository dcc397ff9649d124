import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Account, AccountCreateSchema, AccountListQuery, AccountOwner, AccountUpdateSchema } from '../../../common/schemas/account.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { fieldError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { searchText } from '../../lib/text.js';
import {
  ACCOUNT_OWNER_ROLES,
  assertCanCreateAccount,
  assertCanManageAccount,
  assertCanReadAccount,
  assertSeesInternal,
  defaultOwnerOf,
  type Actor,
  type OwnedAccount,
} from '../access/index.js';
import { recordAudit, updateVersioned } from '../audit/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { UserService } from '../users/index.js';
import { collectFlags, type FlagSource } from './account.flags.js';
import { presentAccount, type AccountRow } from './account.presenter.js';
import { AccountRepository } from './account.repository.js';

type NewAccount = z.output<typeof AccountCreateSchema>;
type AccountChanges = z.output<typeof AccountUpdateSchema>;

/** A check another module adds to refuse deleting an account that still has its records (throws 409). */
export type RemovalGuard = (trx: Kysely<DB>, accountId: string) => Promise<void>;

/** Called in the transaction that creates an account or changes it, with its owners before (null for a new one) and who did it. */
export type OwnersListener = (
  trx: Kysely<DB>,
  account: Account,
  before: { ownerId: string | null; backupOwnerId: string | null } | null,
  actorId: string,
) => Promise<void>;

/** Called in the transaction that changes an account, with the account after the change and who changed it. */
export type UpdateListener = (trx: Kysely<DB>, account: Account, actorId: string, at: string) => Promise<void>;

/** Client companies: who owns them, their terms, and the rules for changing them. */
export class AccountService {
  private readonly repo: AccountRepository;
  private readonly removalGuards: RemovalGuard[] = [];
  private readonly ownersListeners: OwnersListener[] = [];
  private readonly updateListeners: UpdateListener[] = [];
  private readonly flagSources: FlagSource[] = [];

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly timeline: TimelineLog,
    private readonly users: UserService,
    private readonly defaultCurrency: string,
  ) {
    this.repo = new AccountRepository(db);
  }

  /** Lets another module act when an account is given to a manager or backup (telling them), in the change's transaction. */
  onOwnersChanged(listener: OwnersListener): void {
    this.ownersListeners.push(listener);
  }

  /** Lets another module act on every change of an account (webhooks), in the change's transaction. */
  onUpdated(listener: UpdateListener): void {
    this.updateListeners.push(listener);
  }

  /** Registers a check that runs before an account is deleted (portal users, invoices…). */
  addRemovalGuard(guard: RemovalGuard): void {
    this.removalGuards.push(guard);
  }

  /** Registers another module's flags (billing: work stopped, overdue, credit used), sent with every account. */
  addFlagSource(source: FlagSource): void {
    this.flagSources.push(source);
  }

  async list(actor: Actor, query: AccountListQuery) {
    const page = await this.repo.list(actor, query);
    return { items: await this.present(this.db, actor, page.items), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<Account> {
    const row = await this.repo.findById(id);
    if (!row) throw notFound('account');
    assertCanReadAccount(actor, row);
    return (await this.present(this.db, actor, [row]))[0];
  }

  /** Accounts with their flags: one query per flag source for all of them. */
  private async present(trx: Kysely<DB>, actor: Actor, rows: AccountRow[]): Promise<Account[]> {
    const flags = await collectFlags(this.flagSources, trx, actor, rows);
    return rows.map((r) => presentAccount(r, actor, flags.get(r.id)));
  }

  /** Who owns the accounts the actor can see (and only those): the choices of an account-manager filter. */
  async visibleOwners(actor: Actor): Promise<AccountOwner[]> {
    assertSeesInternal(actor);
    return this.repo.visibleOwners(actor);
  }

  /** Ownership columns only, for other modules' access checks. */
  findOwned(id: string, trx?: Kysely<DB>) {
    return this.repo.findById(id, trx);
  }

  /** Active accounts (id and status), for the nightly health snapshot. */
  activeAccounts(trx: Kysely<DB>) {
    return this.repo.active(trx);
  }

  /** Keeps each account's latest health score and grade (the list shows the grade and sorts by score). */
  recordHealth(trx: Kysely<DB>, rows: { id: string; score: number | null; grade: string | null }[]) {
    return this.repo.recordHealth(trx, rows);
  }

  /** Whether one manager backs up any account of another (so may read their Today while covering). */
  backsUp(backupId: string, ownerId: string): Promise<boolean> {
    return this.repo.backsUp(backupId, ownerId);
  }

  /** Who owns and backs up each of the accounts, by id: one query for a page of another module's records. */
  async ownership(ids: string[]): Promise<Map<string, OwnedAccount>> {
    const rows = await this.repo.ownership([...new Set(ids)]);
    return new Map(rows.map((r) => [r.id, r]));
  }

  async create(actor: Actor, input: NewAccount): Promise<Account> {
    assertCanCreateAccount(actor);
    return this.db.transaction().execute(async (t) => {
      const ownerId = input.ownerId === undefined ? defaultOwnerOf(actor) : input.ownerId;
      await this.assertOwner(t, 'ownerId', ownerId);
      await this.assertOwner(t, 'backupOwnerId', input.backupOwnerId ?? null);
      const now = this.clock.now().toISOString();
      const row = await this.repo.insert(t, {
        id: newId(),
        name: input.name,
        search_text: searchText(input.name, input.industry, input.website),
        status: input.status,
        industry: input.industry ?? null,
        website: input.website ?? null,
        owner_id: ownerId,
        backup_owner_id: input.backupOwnerId ?? null,
        currency: input.currency ?? this.defaultCurrency,
        payment_terms_days: input.paymentTermsDays,
        credit_limit_minor: input.creditLimitMinor ?? null,
        language: input.language,
        client_since: input.status === 'active' ? now.slice(0, 10) : null,
        created_at: now,
        updated_at: now,
      });
      const [account] = await this.present(t, actor, [row]);
      await this.timeline.recordEvent(t, {
        accountId: row.id,
        kind: 'account_created',
        actorId: actor.id,
        occurredAt: now,
        data: { name: row.name },
      });
      await recordAudit(t, { actorId: actor.id, recordType: 'account', recordId: row.id, action: 'create', after: account, at: now });
      for (const listener of this.ownersListeners) await listener(t, account, null, actor.id);
      return account;
    });
  }

  async update(actor: Actor, id: string, changes: AccountChanges, expected?: number): Promise<Account> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.repo.findById(id, t);
      if (!row) throw notFound('account');
      assertCanManageAccount(actor, row);
      if (changes.ownerId !== undefined) await this.assertOwner(t, 'ownerId', changes.ownerId);
      if (changes.backupOwnerId !== undefined) await this.assertOwner(t, 'backupOwnerId', changes.backupOwnerId);
      const now = this.clock.now().toISOString();
      const after = await updateVersioned(t, {
        table: 'accounts',
        id,
        version: expected ?? row.version,
        set: {
          name: changes.name,
          status: changes.status,
          industry: changes.industry,
          website: changes.website,
          owner_id: changes.ownerId,
          backup_owner_id: changes.backupOwnerId,
          currency: changes.currency,
          payment_terms_days: changes.paymentTermsDays,
          credit_limit_minor: changes.creditLimitMinor,
          language: changes.language,
          // Tenure counts from the first day the account became a client.
          client_since: changes.status === 'active' && !row.client_since ? now.slice(0, 10) : undefined,
          search_text: searchText(
            changes.name ?? row.name,
            changes.industry !== undefined ? changes.industry : row.industry,
            changes.website !== undefined ? changes.website : row.website,
          ),
          updated_at: now,
        },
        audit: { actorId: actor.id, recordType: 'account', before: presentAccount(row, actor), at: now },
        after: async () => (await this.present(t, actor, [(await this.repo.findById(id, t))!]))[0],
      });
      await this.recordChangeEvents(t, actor, row, after, now);
      if (after.ownerId !== row.owner_id || after.backupOwnerId !== row.backup_owner_id) {
        const before = { ownerId: row.owner_id, backupOwnerId: row.backup_owner_id };
        for (const listener of this.ownersListeners) await listener(t, after, before, actor.id);
      }
      for (const listener of this.updateListeners) await listener(t, after, actor.id, now);
      return after;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (t) => {
      const row = await this.repo.findById(id, t);
      if (!row) throw notFound('account');
      assertCanManageAccount(actor, row);
      for (const guard of this.removalGuards) await guard(t, id);
      await this.repo.delete(t, id);
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'account',
        recordId: id,
        action: 'delete',
        before: presentAccount(row, actor),
        at: this.clock.now().toISOString(),
      });
    });
  }

  private async recordChangeEvents(
    t: Kysely<DB>,
    actor: Actor,
    before: { owner_id: string | null; status: string },
    after: Pick<Account, 'id' | 'ownerId' | 'status'>,
    now: string,
  ) {
    if (before.owner_id !== after.ownerId) {
      await this.timeline.recordEvent(t, {
        accountId: after.id,
        kind: 'owner_changed',
        actorId: actor.id,
        occurredAt: now,
        data: { from: before.owner_id, to: after.ownerId },
      });
    }
    if (before.status !== after.status) {
      await this.timeline.recordEvent(t, {
        accountId: after.id,
        kind: 'status_changed',
        actorId: actor.id,
        occurredAt: now,
        data: { from: before.status, to: after.status },
      });
    }
  }

  /** An owner or backup must be an active account manager or admin. */
  private async assertOwner(t: Kysely<DB>, field: string, userId: string | null) {
    if (!userId) return;
    const [user] = await this.users.activeWithRole(t, [userId], ACCOUNT_OWNER_ROLES);
    if (!user) throw fieldError(field, 'account.owner_not_manager');
  }
}
