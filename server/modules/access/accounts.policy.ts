import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ContactAbilities } from '../../../common/schemas/contact.js';
import type { InteractionAbilities } from '../../../common/schemas/interaction.js';
import type { DB } from '../../db/schema.js';
import { fieldError, forbidden, notFound, type RecordKind } from '../../lib/errors.js';
import type { Actor } from './actor.js';
import { FALSE, TRUE } from './conditions.js';

/*
 * Accounts and what belongs to them (contacts, interactions, the timeline). Admins and finance
 * read every account; an account manager those they own or back up, changing only those they
 * own; a client user only their own company; a specialist none (they work from their tasks).
 * List queries are scoped with the expressions below; single reads and writes use the
 * predicates. A denied read answers 404, as if the row did not exist.
 */

/** An account as the rules need it: its id and who owns and backs it up. */
export interface OwnedAccount {
  id: string;
  owner_id: string | null;
  backup_owner_id: string | null;
}

/** A row that belongs to an account and carries the account's ownership columns (projects, tasks, invoices…). */
export interface OnAccount {
  account_id: string;
  owner_id: string | null;
  backup_owner_id: string | null;
}

/** The account a row belongs to, as the rules need it. */
export const owningAccount = (r: OnAccount): OwnedAccount => ({
  id: r.account_id,
  owner_id: r.owner_id,
  backup_owner_id: r.backup_owner_id,
});

/** Admins and finance read every account: their lists need no account condition. */
export const seesEveryAccount = (actor: Actor): boolean => actor.role === 'admin' || actor.role === 'finance';

/** Accounts the actor may read, as a condition on the `accounts` table. */
export function accountScope(actor: Actor, eb: ExpressionBuilder<DB, 'accounts'>): Expression<SqlBool> {
  switch (actor.role) {
    case 'admin':
    case 'finance':
      return TRUE;
    case 'account_manager':
      return eb.or([eb('accounts.owner_id', '=', actor.id), eb('accounts.backup_owner_id', '=', actor.id)]);
    case 'client':
      return actor.accountId ? eb('accounts.id', '=', actor.accountId) : FALSE;
    case 'specialist':
      // A specialist reaches an account only through a task of theirs on it; until tasks
      // exist, that is no account.
      return FALSE;
  }
}

/**
 * The same accounts as `accountScope`, as disjoint parts. A manager's accounts are those
 * they own plus those they back up: listing each part by its own index and merging the two
 * ordered pages is much cheaper than sorting every matching row (see bench/).
 */
export function accountScopeParts(actor: Actor): ((eb: ExpressionBuilder<DB, 'accounts'>) => Expression<SqlBool>)[] {
  if (actor.role !== 'account_manager') return [(eb) => accountScope(actor, eb)];
  return [
    (eb) => eb('accounts.owner_id', '=', actor.id),
    (eb) =>
      eb.and([
        eb('accounts.backup_owner_id', '=', actor.id),
        eb.or([eb('accounts.owner_id', 'is', null), eb('accounts.owner_id', '!=', actor.id)]),
      ]),
  ];
}

/** Condition "the account id in `column` is one the actor may read", for child tables. */
export function accountIdScope<TB extends keyof DB>(actor: Actor, eb: ExpressionBuilder<DB, TB>, column: string): Expression<SqlBool> {
  if (actor.role === 'admin' || actor.role === 'finance') return TRUE;
  if (actor.role === 'client') return actor.accountId ? sql<SqlBool>`${sql.ref(column)} = ${actor.accountId}` : FALSE;
  const accounts = eb as unknown as ExpressionBuilder<DB, 'accounts'>;
  const readable = accounts
    .selectFrom('accounts')
    .select('accounts.id')
    .where((a) => accountScope(actor, a));
  return sql<SqlBool>`${sql.ref(column)} in (${readable})`;
}

/** The accounts with a given user in a given column: those they own, or those they back up. */
export interface AccountsOf {
  column: 'owner_id' | 'backup_owner_id';
  userId: string;
}

/**
 * For an actor who reads exactly the records of the accounts they read — a manager — those
 * accounts, as the columns naming them (they may overlap); null for everyone else. Every record
 * scope of a manager comes down to `accountIdScope` on the record's account (contacts, projects,
 * tasks, documents, invoices, deals, claims): global search relies on it to find a manager's
 * records by the owners its words carry, and reads-whole.test.ts holds each scope to it.
 * Clients (no drafts, no internal records) and specialists (their tasks) read less than that.
 */
export function accountsReadWhole(actor: Actor): AccountsOf[] | null {
  if (actor.role !== 'account_manager') return null;
  return [
    { column: 'owner_id', userId: actor.id },
    { column: 'backup_owner_id', userId: actor.id },
  ];
}

/** Whether the actor reaches client accounts at all; a specialist reaches none. */
export const seesAccounts = (actor: Actor) => actor.role !== 'specialist';

/** May the actor read this account (and its contacts)? */
export function canReadAccount(actor: Actor, a: OwnedAccount): boolean {
  switch (actor.role) {
    case 'admin':
    case 'finance':
      return true;
    case 'account_manager':
      return a.owner_id === actor.id || a.backup_owner_id === actor.id;
    case 'client':
      return a.id === actor.accountId;
    case 'specialist':
      return false;
  }
}

/** May the actor change this account and the records that belong to it? Backups read only. */
export function canManageAccount(actor: Actor, a: OwnedAccount): boolean {
  return actor.role === 'admin' || (actor.role === 'account_manager' && a.owner_id === actor.id);
}

/** Whether the actor looks after accounts at all, so may open them and add to those they own. */
export const managesAccounts = (actor: Actor) => actor.role === 'admin' || actor.role === 'account_manager';

/** Internal records (interactions, timeline, notes) are never shown to clients or specialists. */
export function seesInternalRecords(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'account_manager' || actor.role === 'finance';
}

/** Throws 404 when the actor may not read the account, 403 when they may read but not change it. */
export function assertCanManageAccount(actor: Actor, a: OwnedAccount): void {
  if (!canReadAccount(actor, a)) throw notFound('account');
  if (!canManageAccount(actor, a)) throw forbidden('access.account_read_only');
}

/**
 * For a new record that names its account in the body: an account the actor cannot read
 * answers exactly like one that does not exist (400 on the field), so ids do not leak.
 */
export function assertCanAddToAccount<A extends OwnedAccount>(actor: Actor, a: A | undefined): asserts a is A {
  if (!a || !canReadAccount(actor, a)) throw fieldError('accountId', 'account.no_such_account');
  assertCanManageAccount(actor, a);
}

export function assertCanReadAccount(actor: Actor, a: OwnedAccount): void {
  if (!canReadAccount(actor, a)) throw notFound('account');
}

export function assertCanReadInternal(actor: Actor, a: OwnedAccount, what: RecordKind): void {
  if (!seesInternalRecords(actor) || !canReadAccount(actor, a)) throw notFound(what);
}

/** A next step is changed (done, dated, reassigned) by its owner or by whoever manages the account. */
export function canChangeNextStep(actor: Actor, step: { owner_id: string }, a: OwnedAccount): boolean {
  return seesInternalRecords(actor) && canReadAccount(actor, a) && (step.owner_id === actor.id || canManageAccount(actor, a));
}

export { NEXT_STEP_OWNER_ROLES } from '../../../common/enums.js';

/** Only admins and account managers open new accounts. */
export function assertCanCreateAccount(actor: Actor): void {
  if (!managesAccounts(actor)) throw forbidden('access.create_account');
}

/** The owner of an account opened without naming one: the manager who opens it; an admin's has none yet. */
export const defaultOwnerOf = (actor: Actor): string | null => (actor.role === 'account_manager' ? actor.id : null);

/** Inviting a client's people to the portal is for those who look after accounts (on the account, its own manager or an admin). */
export function assertMayInvite(actor: Actor): void {
  if (!managesAccounts(actor)) throw forbidden('access.invite_to_portal');
}

/** Lists of internal records refuse roles that never see them. */
export function assertSeesInternal(actor: Actor): void {
  if (!seesInternalRecords(actor)) throw forbidden('access.internal_only');
}

/** What the actor may do with a contact of the account. */
export function contactAbilities(actor: Actor, account: OwnedAccount): ContactAbilities {
  const manages = canManageAccount(actor, account);
  return { update: manages, delete: manages, logInteraction: manages && seesInternalRecords(actor), invite: manages };
}

/** What the actor may do with an interaction logged on the account. */
export function interactionAbilities(actor: Actor, account: OwnedAccount): InteractionAbilities {
  const manages = canManageAccount(actor, account) && seesInternalRecords(actor);
  return { update: manages, delete: manages };
}
