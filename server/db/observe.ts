import type { Kysely, LogEvent, RootOperationNode } from 'kysely';
import type { DB } from './schema.js';

/** The handle `openDatabase` answers (spelled out here: database.ts imports this file). */
type Database = Kysely<DB>;

/** One finished query. Metrics label it by operation only (SQL text would be unbounded); traces show the SQL. */
export interface QueryEvent {
  operation: 'select' | 'insert' | 'update' | 'delete' | 'other';
  durationSeconds: number;
  failed: boolean;
  /** The statement with placeholders: the values are never part of it. */
  sql: string;
}

/** The connection pool's state (PostgreSQL); SQLite has none. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

type QueryListener = (event: QueryEvent) => void;

interface Observed {
  listeners: Set<QueryListener>;
  pool: (() => PoolStats) | null;
}

// Kept beside the handle, not inside it: Kysely's type stays the plain one the whole app uses.
const observed = new WeakMap<Database, Observed>();

const OPERATIONS: Partial<Record<RootOperationNode['kind'], QueryEvent['operation']>> = {
  SelectQueryNode: 'select',
  InsertQueryNode: 'insert',
  UpdateQueryNode: 'update',
  DeleteQueryNode: 'delete',
};

/**
 * A Kysely `log` hook that hands every query's duration to whoever listens on the handle
 * (the metrics of each app built on it); with no listener it costs a set lookup.
 */
export function queryLogHook(): { log: (event: LogEvent) => void; attach(db: Database, pool: (() => PoolStats) | null): void } {
  const state: Observed = { listeners: new Set(), pool: null };
  return {
    log(event) {
      if (state.listeners.size === 0) return;
      const e: QueryEvent = {
        operation: OPERATIONS[event.query.query.kind] ?? 'other',
        durationSeconds: event.queryDurationMillis / 1000,
        failed: event.level === 'error',
        sql: event.query.sql,
      };
      for (const listener of state.listeners) listener(e);
    },
    attach(db, pool) {
      state.pool = pool;
      observed.set(db, state);
    },
  };
}

/** Listens to the queries of a handle opened by `openDatabase`; answers how to stop. */
export function onQuery(db: Database, listener: QueryListener): () => void {
  const state = observed.get(db);
  if (!state) return () => undefined;
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}

/** The pool's state, or null where there is no pool (SQLite, or a handle not opened here). */
export function poolStats(db: Database): PoolStats | null {
  return observed.get(db)?.pool?.() ?? null;
}
