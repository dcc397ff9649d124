import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.js';
import { fieldError, forbidden, notFound } from '../../lib/errors.js';
import type { Actor } from './actor.js';

/**
 * The one place that decides who sees and changes which rows.
 * List queries are scoped with the expressions below; single reads and writes use the
 * predicates. A denied read answers 404, as if the row did not exist.
 */

const TRUE = sql<SqlBool>`1 = 1`;
const FALSE = sql<SqlBool>`1 = 0`;

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

interface OwnedAccount {
  id: string;
  owner_id: string | null;
  backup_owner_id: string | null;
}

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

/** Internal records (interactions, timeline, notes) are never shown to clients or specialists. */
export function seesInternalRecords(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'account_manager' || actor.role === 'finance';
}

/** Throws 404 when the actor may not read the account, 403 when they may read but not change it. */
export function assertCanManageAccount(actor: Actor, a: OwnedAccount): void {
  if (!canReadAccount(actor, a)) throw notFound('account');
  if (!canManageAccount(actor, a)) throw forbidden('You can view this account but not change it.');
}

/**
 * For a new record that names its account in the body: an account the actor cannot read
 * answers exactly like one that does not exist (400 on the field), so ids do not leak.
 */
export function assertCanAddToAccount<A extends OwnedAccount>(actor: Actor, a: A | undefined): asserts a is A {
  if (!a || !canReadAccount(actor, a)) throw fieldError('accountId', 'No account with this id');
  assertCanManageAccount(actor, a);
}

export function assertCanReadAccount(actor: Actor, a: OwnedAccount): void {
  if (!canReadAccount(actor, a)) throw notFound('account');
}

export function assertCanReadInternal(actor: Actor, a: OwnedAccount, what: string): void {
  if (!seesInternalRecords(actor) || !canReadAccount(actor, a)) throw notFound(what);
}

/** Only admins and account managers open new accounts. */
export function assertCanCreateAccount(actor: Actor): void {
  if (actor.role !== 'admin' && actor.role !== 'account_manager') {
    throw forbidden('Only account managers and admins can add accounts.');
  }
}

/** Lists of internal records refuse roles that never see them. */
export function assertSeesInternal(actor: Actor): void {
  if (!seesInternalRecords(actor)) throw forbidden('Your role does not see internal records.');
}

export function assertStaff(actor: Actor): void {
  if (actor.role === 'client') throw forbidden('Client users cannot list staff.');
}

export function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw forbidden('Only admins can do this.');
}

/**
 * Projects the actor may read, as a condition on the `projects` table. A specialist reaches
 * a project (and its account's name) only through a task assigned to them.
 */
export function projectScope(actor: Actor, eb: ExpressionBuilder<DB, 'projects'>): Expression<SqlBool> {
  if (actor.role === 'specialist') {
    return eb('projects.id', 'in', eb.selectFrom('tasks').select('tasks.project_id').where('tasks.assignee_id', '=', actor.id));
  }
  return accountIdScope(actor, eb, 'projects.account_id');
}

/** Tasks the actor may read: a specialist their own; clients none; others by account. */
export function taskScope(actor: Actor, eb: ExpressionBuilder<DB, 'tasks'>): Expression<SqlBool> {
  if (actor.role === 'specialist') return eb('tasks.assignee_id', '=', actor.id);
  if (actor.role === 'client') return FALSE;
  return accountIdScope(actor, eb, 'tasks.account_id');
}

/** Budgets and rates are finances: specialists never see them. */
export const seesProjectFinances = (actor: Actor) => actor.role !== 'specialist';

/** Delivery is edited by admins and the account's owner; finance and backups read it. */
export function assertCanManageDelivery(actor: Actor, a: OwnedAccount): void {
  if (!canManageAccount(actor, a)) throw forbidden('Only the account manager of this account can change its projects.');
}

/*
 * Billing. Finance and admins see and change the billing of every account; an account
 * manager that of the accounts they own (backups read only); a client user only their own
 * company's issued invoices and the payments on them; a specialist none.
 */

/** Roles that ever see invoices or payments; lists refuse the others. */
export function assertSeesBilling(actor: Actor): void {
  if (actor.role === 'specialist') throw forbidden('Your role does not see invoices or payments.');
}

/** Invoices the actor may read, as a condition on the `invoices` table. */
export function invoiceScope(actor: Actor, eb: ExpressionBuilder<DB, 'invoices'>): Expression<SqlBool> {
  if (actor.role === 'specialist') return FALSE;
  if (actor.role === 'client') {
    return actor.accountId ? eb.and([eb('invoices.account_id', '=', actor.accountId), eb('invoices.status', '<>', 'draft')]) : FALSE;
  }
  return accountIdScope(actor, eb, 'invoices.account_id');
}

/** Payments the actor may read: those on invoices they may read (payments exist only on issued ones). */
export function paymentScope(actor: Actor, eb: ExpressionBuilder<DB, 'payments'>): Expression<SqlBool> {
  if (actor.role === 'specialist') return FALSE;
  return accountIdScope(actor, eb, 'payments.account_id');
}

/** May the actor read this invoice of this account? Clients never see drafts. */
export function canReadInvoice(actor: Actor, a: OwnedAccount, invoice: { status: string }): boolean {
  if (actor.role === 'specialist') return false;
  if (actor.role === 'client' && invoice.status === 'draft') return false;
  return canReadAccount(actor, a);
}

/** May the actor create, issue, void and credit invoices and record payments for the account? */
export function canManageBilling(actor: Actor, a: OwnedAccount): boolean {
  return actor.role === 'admin' || actor.role === 'finance' || (actor.role === 'account_manager' && a.owner_id === actor.id);
}

/** Throws 404 when the actor may not see the account's billing, 403 when they may see but not change it. */
export function assertCanManageBilling(actor: Actor, a: OwnedAccount): void {
  if (actor.role === 'specialist' || !canReadAccount(actor, a)) throw notFound('account');
  if (!canManageBilling(actor, a)) throw forbidden('You can view the billing of this account but not change it.');
}

/** Exposure, statements and credit warnings: staff who see the account's billing. */
export function assertCanReadAccountBilling(actor: Actor, a: OwnedAccount): void {
  if (actor.role === 'specialist' || actor.role === 'client' || !canReadAccount(actor, a)) throw notFound('account');
}

/** The receivables report: finance and admins for all accounts, managers for theirs. */
export function assertSeesReceivables(actor: Actor): void {
  if (actor.role !== 'admin' && actor.role !== 'finance' && actor.role !== 'account_manager') {
    throw forbidden('Your role does not see receivables.');
  }
}

/** Only finance and admins set or lift an account's stop-work flag. */
export function assertCanChangeStopWork(actor: Actor): void {
  if (actor.role !== 'admin' && actor.role !== 'finance') throw forbidden('Only finance or an admin can set or lift the stop-work flag.');
}

/** Follow-up calls and alerts: a manager sees those assigned to them; finance and admins all. */
export function billingActionScope(actor: Actor, eb: ExpressionBuilder<DB, 'billing_actions'>): Expression<SqlBool> {
  if (actor.role === 'admin' || actor.role === 'finance') return TRUE;
  if (actor.role === 'account_manager') return eb('billing_actions.assignee_id', '=', actor.id);
  return FALSE;
}

/** The single-row form of billingActionScope. */
export function canSeeBillingAction(actor: Actor, action: { assignee_id: string | null }): boolean {
  return actor.role === 'admin' || actor.role === 'finance' || (actor.role === 'account_manager' && action.assignee_id === actor.id);
}

/** May the actor mark this call or alert done? Whoever it is assigned to, finance for finance's, admins any. */
export function canCompleteBillingAction(actor: Actor, action: { assignee_id: string | null; assignee_role: string | null }): boolean {
  if (actor.role === 'admin') return true;
  if (action.assignee_id === actor.id) return true;
  return actor.role === 'finance' && (action.assignee_role === 'finance' || action.assignee_id === null);
}
