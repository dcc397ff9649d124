import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Role } from '../../../common/enums.js';
import type { DB } from '../../db/schema.js';
import { forbidden } from '../../lib/errors.js';
import type { Actor } from './actor.js';
import { TRUE } from './conditions.js';

/*
 * Today: whose items each person's agenda holds. A manager (and an admin, for the accounts
 * they own) gets the relationship, delivery and money items of the accounts they own; finance
 * the money items of every account; a specialist their own tasks; an admin, besides, the
 * oversight items (claim breaches, accounts with no manager) of every account. A backup reads
 * a colleague's Today only for the accounts they back up, and never changes it.
 */

/** Whose Today is computed, and, when a backup reads it, who (so only the accounts they back up). */
export interface AgendaSubject {
  id: string;
  role: Role;
  coveredBy: string | null;
}

/** What an item is about, deciding who gets it. */
export type AgendaArea = 'relationship' | 'money' | 'oversight';

/** A condition on a query: "the account id in `column` belongs on the subject's Today". */
export type AgendaCondition = <TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, column: string) => Expression<SqlBool>;

/**
 * Which accounts' items of this area belong on the subject's Today, as a condition to apply,
 * or null when the subject gets no item of the area at all (the provider then runs no query).
 */
export function agendaAccountScope(subject: AgendaSubject, area: AgendaArea): AgendaCondition | null {
  if (area === 'oversight') return subject.role === 'admin' && !subject.coveredBy ? () => TRUE : null;
  if (area === 'money' && subject.role === 'finance') return () => TRUE;
  if (subject.role !== 'account_manager' && subject.role !== 'admin') return null;
  return (eb, column) => {
    const accounts = eb as unknown as ExpressionBuilder<DB, 'accounts'>;
    let owned = accounts.selectFrom('accounts').select('accounts.id').where('accounts.owner_id', '=', subject.id);
    if (subject.coveredBy) owned = owned.where('accounts.backup_owner_id', '=', subject.coveredBy);
    return sql<SqlBool>`${sql.ref(column)} in (${owned})`;
  };
}

/** Tasks on the subject's Today: a specialist's own; a manager's those on the accounts they own. */
export function agendaTaskScope(subject: AgendaSubject): ((eb: ExpressionBuilder<DB, 'tasks'>) => Expression<SqlBool>) | null {
  if (subject.role === 'specialist') return subject.coveredBy ? null : (eb) => eb('tasks.assignee_id', '=', subject.id);
  const accounts = subject.role === 'finance' ? null : agendaAccountScope(subject, 'relationship');
  return accounts && ((eb) => accounts(eb, 'tasks.account_id'));
}

/** Who has a Today at all: every staff member. */
export const hasToday = (actor: Actor) => actor.role !== 'client';

export function assertHasToday(actor: Actor): void {
  if (!hasToday(actor)) throw forbidden('access.internal_only');
}

/** A colleague's Today is read by a manager who backs up at least one of their accounts (checked by the caller). */
export function assertMayCover(actor: Actor, backsUp: boolean): void {
  if (actor.role !== 'account_manager' && actor.role !== 'admin') throw forbidden('today.not_your_backup');
  if (!backsUp) throw forbidden('today.not_your_backup');
}
