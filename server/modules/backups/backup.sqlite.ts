import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

/** Pages copied per step: small steps keep the event loop (and so the API) responsive. */
const STEP_PAGES = 256;

/**
 * Copies the live database with SQLite's online backup API. A write through another connection
 * makes SQLite restart the copy, so after each restart a step copies four times as many pages:
 * under steady writes the copy still ends, and what it holds is one consistent state.
 */
export async function dumpSqlite(sqlitePath: string, target: string): Promise<void> {
  const source = new SQLite(sqlitePath, { fileMustExist: true });
  source.pragma('busy_timeout = 5000');
  try {
    let rate = STEP_PAGES;
    let remaining = Infinity;
    await source.backup(target, {
      progress: ({ remainingPages }) => {
        if (remainingPages > remaining) rate = Math.min(rate * 4, 0x7fffffff);
        remaining = remainingPages;
        return rate;
      },
    });
  } finally {
    source.close();
  }
  // The copy keeps the source's write-ahead-log mode; a rollback journal makes it one self-contained file.
  const copy = new SQLite(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/**
 * Writes the backup into the configured file through SQLite itself (the backup API the other
 * way round), so the target's locks and any write-ahead log left beside it are respected and
 * an interrupted restore leaves the old database whole.
 */
export async function restoreSqlite(dataFile: string, sqlitePath: string): Promise<void> {
  fs.mkdirSync(path.dirname(sqlitePath), { recursive: true });
  const source = new SQLite(dataFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(sqlitePath, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
}

/** How many tables the file holds (0 when it does not exist). */
export function sqliteTableCount(sqlitePath: string): number {
  if (!fs.existsSync(sqlitePath)) return 0;
  const db = new SQLite(sqlitePath, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("select count(*) as n from sqlite_master where type = 'table' and name not like 'sqlite_%'").get() as {
      n: number;
    };
    return row.n;
  } finally {
    db.close();
  }
}
