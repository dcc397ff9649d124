import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/database.js';

// Only PostgreSQL has a server that can end a connection under the app's feet (a *.pg.test.ts file).
describe('a PostgreSQL connection ended by the server', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('is replaced by a fresh one, and the idle one’s error does not crash the process', async () => {
    const pid = async () => (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db)).rows[0].pid;
    const before = await pid();
    const admin = new pg.Client({ connectionString: database.location.databaseUrl });
    await admin.connect();
    try {
      // Every idle connection of the app's pool is ended, as a restart or an administrator would.
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
    } finally {
      await admin.end();
    }
    await new Promise((r) => setTimeout(r, 200)); // the pool hears of it
    const after = await pid();
    expect(after).not.toBe(before);
  });
});
