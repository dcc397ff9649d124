import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Language } from '../../../common/enums.js';
import type { DB } from '../../db/schema.js';
import { agendaAccountScope, agendaTaskScope, type AgendaSubject } from '../access/index.js';

/**
 * Whose dates a feed holds: a person's (what belongs on their Today: the accounts they own,
 * a specialist's own tasks; the access module's agenda scopes), or one account's.
 */
export type FeedScope = { subject: AgendaSubject } | { accountId: string };

/** The days a feed covers, agency dates (YYYY-MM-DD), inclusive. */
export interface FeedWindow {
  from: string;
  to: string;
}

/** One event: a whole day (an agency date) or a span of time (UTC instants). */
export interface FeedEvent {
  /** `<kind>-<id>`: stable, so a calendar updates the event instead of adding another. */
  uid: string;
  summary: string;
  description?: string;
  /** The page of the record in the web app (a path). */
  path: string;
  when: { date: string } | { start: string; end: string };
}

/** A module's dates for feeds, over its own records, in a fixed number of queries; words it adds are in the reader's language. */
export interface FeedSource {
  name: string;
  events(scope: FeedScope, window: FeedWindow, language: Language): Promise<FeedEvent[]>;
}

export type AccountCondition = <TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, column: string) => Expression<SqlBool>;

/** The scope's accounts as a condition on an account id column; null: the scope has none (no query). */
export function feedAccountCondition(scope: FeedScope): AccountCondition | null {
  if ('accountId' in scope) return (_eb, column) => sql<SqlBool>`${sql.ref(column)} = ${scope.accountId}`;
  return agendaAccountScope(scope.subject, 'relationship');
}

/** The scope's tasks: a person's as on their Today, or the account's. */
export function feedTaskCondition(scope: FeedScope): ((eb: ExpressionBuilder<DB, 'tasks'>) => Expression<SqlBool>) | null {
  if ('accountId' in scope) return (eb) => eb('tasks.account_id', '=', scope.accountId);
  return agendaTaskScope(scope.subject);
}
