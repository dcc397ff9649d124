import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';

// The embedded database, whatever DATABASE_URL says: SQLite plans by the statistics it is given.
describe('a SQLite file opened by the app', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-stats-'));
  const file = path.join(dir, 'stats.sqlite');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // Every row is open, as most invoices of a busy account are not: only statistics tell the
  // planner that the status index narrows nothing while the account index narrows to a few rows.
  const QUERY = `select id from items where status = 'open' and account in ('a1', 'a2')`;
  const planOf = (conn: SQLite.Database) =>
    (conn.prepare(`explain query plan ${QUERY}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');

  it('gets the statistics it lacks, and plans by them', async () => {
    const raw = new SQLite(file);
    raw.exec(`create table items (id integer primary key, status text not null, account text not null);
      create index items_status_idx on items (status);
      create index items_account_idx on items (account);`);
    const insert = raw.prepare('insert into items (status, account) values (?, ?)');
    raw.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run('open', `a${i % 5000}`);
    })();
    expect(planOf(raw)).toContain('items_status_idx'); // without statistics: the equality wins
    raw.close();

    const { db } = openDatabase({ sqlitePath: file });
    try {
      const { rows } = await sql<{ n: number }>`select count(*) as n from sqlite_stat1 where tbl = 'items'`.execute(db);
      expect(rows[0].n).toBeGreaterThan(0);
      const plan = await sql<{ detail: string }>`explain query plan ${sql.raw(QUERY)}`.execute(db);
      expect(plan.rows.map((r) => r.detail).join('; ')).toContain('items_account_idx');
    } finally {
      await db.destroy();
    }
  });
});
