import { sql, type Expression, type SqlBool, type ExpressionBuilder } from 'kysely';
import { fieldError } from './errors.js';

/** Position after the last row of a page: the sort value and the id that breaks ties. */
export interface CursorPosition {
  v: string | number;
  id: string;
  /** A key sorted before `v`, for lists ordered by a rank first (the tasks by status). */
  r?: number;
}

export const encodeCursor = (pos: CursorPosition): string => Buffer.from(JSON.stringify(pos)).toString('base64url');

/** What the sort column holds; a timestamp position must be one, or PostgreSQL fails the cast. */
export type CursorKind = 'any' | 'text' | 'timestamp' | 'date';

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

function fits(v: unknown, kind: CursorKind): v is CursorPosition['v'] {
  if (kind === 'timestamp') return typeof v === 'string' && ISO_TIMESTAMP.test(v) && !Number.isNaN(Date.parse(v));
  if (kind === 'date') return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
  if (kind === 'text') return typeof v === 'string';
  return typeof v === 'string' || typeof v === 'number';
}

/** Decodes a cursor from the query string; a tampered one is a 400, not a 500. */
export function decodeCursor(cursor: string | undefined, kind: CursorKind = 'any'): CursorPosition | null {
  if (!cursor) return null;
  try {
    const pos: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof pos === 'object' && pos !== null && 'id' in pos && typeof pos.id === 'string' && 'v' in pos && fits(pos.v, kind)) {
      // The rank goes along when there is one; the list sorted by it checks its range.
      return 'r' in pos && typeof pos.r === 'number' ? { v: pos.v, id: pos.id, r: pos.r } : { v: pos.v, id: pos.id };
    }
  } catch {
    // fall through
  }
  throw fieldError('cursor', 'validation.cursor');
}

/**
 * Keyset condition "after this row" for ORDER BY (column, id) in the given direction.
 * A row-value comparison lets both SQLite and PostgreSQL seek straight into the index.
 */
export function afterCursor<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: string,
  idColumn: string,
  direction: 'asc' | 'desc',
  pos: CursorPosition,
): Expression<SqlBool> {
  const op = direction === 'asc' ? sql.raw('>') : sql.raw('<');
  return sql<SqlBool>`(${sql.ref(column)}, ${sql.ref(idColumn)}) ${op} (${pos.v}, ${pos.id})`;
}

/**
 * Keyset condition "after this row" for an ascending ORDER BY of several keys (expressions,
 * the id last), as one row-value comparison both databases understand.
 */
export function afterKeys(keys: Expression<unknown>[], values: (string | number)[]): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.join(keys)}) > (${sql.join(values)})`;
}

/** Splits one extra fetched row off into the next cursor. */
export function toPage<R>(rows: R[], limit: number, position: (row: R) => CursorPosition) {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? encodeCursor(position(items[items.length - 1])) : null };
}
