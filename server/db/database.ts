import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { queryLogHook } from './observe.js';
import type { DB } from './schema.js';

export type Database = Kysely<DB>;
export type DialectName = 'sqlite' | 'postgres';

// pg returns int8 and timestamps as strings/Date by default; the app speaks numbers and ISO strings.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(1184, (v) => new Date(v).toISOString());
pg.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString());

export interface DatabaseOptions {
  databaseUrl?: string;
  sqlitePath?: string;
  poolSize?: number;
}

/** The SQLite connection's page cache, in KiB. */
const SQLITE_CACHE_KB = 64 * 1024;

/** Opens Kysely on PostgreSQL when a URL is given, otherwise on an embedded SQLite file. */
export function openDatabase(opts: DatabaseOptions): { db: Database; dialect: DialectName } {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection the server ends (a restart, an administrator) must not crash the
    // process: the pool drops it and opens a fresh one when next needed.
    pool.on('error', (err) => process.emitWarning(`An idle PostgreSQL connection was closed: ${err.message}`));
    const hook = queryLogHook();
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: hook.log });
    hook.attach(db, () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }));
    return { db, dialect: 'postgres' };
  }
  const file = opts.sqlitePath ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // SQLite's default page cache is 2 MB; past it each page read is a system call and a copy from
  // the OS's cache. 64 MB (taken only as pages are read) keeps the indexes a search or an import
  // walks: a manager's search at 100,000 accounts took 2.1 ms instead of 2.8-3.2.
  sqlite.pragma(`cache_size = -${SQLITE_CACHE_KB}`);
  const stopOptimizing = keepStatistics(sqlite);
  const hook = queryLogHook();
  const database = withStatementCache(sqlite, stopOptimizing);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database }), log: hook.log });
  hook.attach(db, null);
  return { db, dialect: 'sqlite' };
}

/** SQLite's advice for a connection kept open: optimize when it opens, then every few hours. */
const OPTIMIZE_EVERY_MS = 3 * 3600_000;

/**
 * Keeps the planner's statistics current; answers how to stop. Without them SQLite takes any
 * index on an equality: the accounts list read every open invoice through the status index for
 * its flags, 50 times slower at the benchmark's volume than through the open invoices by account.
 * `analysis_limit` bounds each table's analysis, so a gigabyte file costs a third of a second;
 * `0x10002` looks at every table at open, not only those this connection has used yet.
 */
function keepStatistics(sqlite: SQLite.Database): () => void {
  sqlite.pragma('analysis_limit = 400');
  sqlite.pragma('optimize = 0x10002');
  const timer = setInterval(() => {
    if (sqlite.open) sqlite.pragma('optimize');
  }, OPTIMIZE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; on SQLite that was about a tenth of the CPU time of a
 * timeline page (bench/). Statements are reusable and Kysely runs one query at a time on the
 * connection, so the most recently used ones are kept, keyed by their SQL text.
 */
function withStatementCache(sqlite: SQLite.Database, onClose: () => void) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      onClose();
      sqlite.close();
    },
    prepare(text: string) {
      let stmt = cache.get(text);
      if (stmt) cache.delete(text);
      else stmt = sqlite.prepare(text);
      cache.set(text, stmt); // re-inserted: the Map's order is the recency order
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      return stmt;
    },
  };
}

/** True when the database answers a trivial query. */
export async function isReachable(db: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
