import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Location } from './target.js';

/** One SQL statement with `?` placeholders. */
export interface Query {
  sql: string;
  params: unknown[];
}

/** The bare driver, as a hand-written server would use it: no query builder, statements prepared once. */
export interface Runner {
  all(q: Query): Promise<Record<string, unknown>[]>;
  /** The plan as the database prints it, one line per step. */
  explain(q: Query): Promise<string[]>;
  close(): Promise<void>;
}

function sqliteRunner(file: string): Runner {
  const conn = new SQLite(file);
  conn.pragma('journal_mode = WAL');
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (text: string) => cache.get(text) ?? cache.set(text, conn.prepare(text)).get(text)!;
  return {
    all: async (q) => prepare(q.sql).all(...q.params) as Record<string, unknown>[],
    explain: async (q) => {
      const steps = conn.prepare(`explain query plan ${q.sql}`).all(...q.params) as { id: number; parent: number; detail: string }[];
      const depth = new Map<number, number>([[0, 0]]);
      return steps.map((s) => {
        depth.set(s.id, (depth.get(s.parent) ?? 0) + 1);
        return `${'  '.repeat(depth.get(s.id)! - 1)}${s.detail}`;
      });
    },
    close: async () => void conn.close(),
  };
}

function postgresRunner(url: string): Runner {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const numbered = (text: string) => {
    let n = 0;
    return text.replace(/\?/g, () => `$${++n}`);
  };
  const run = async (text: string, params: unknown[]) => (await pool.query<Record<string, unknown>>(numbered(text), params)).rows;
  return {
    all: (q) => run(q.sql, q.params),
    explain: async (q) => (await run(`explain ${q.sql}`, q.params)).map((r) => String(r['QUERY PLAN'])),
    close: () => pool.end(),
  };
}

/** A runner on the database at `location`. */
export const openRunner = (location: Location): Runner =>
  location.sqlitePath ? sqliteRunner(location.sqlitePath) : postgresRunner(location.databaseUrl!);
