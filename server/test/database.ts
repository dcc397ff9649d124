import pg from 'pg';
import { openDatabase, type Database, type DialectName } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/index.js';
import { newId } from '../lib/ids.js';

/** The PostgreSQL URL the suite runs against, or undefined for SQLite. */
export const testDatabaseUrl = () => process.env.DATABASE_URL || undefined;

/** The migrated template, named after DATABASE_URL's database so separate runs never share one. */
const templateOf = (url: string) => `${new URL(url).pathname.slice(1) || 'liaison_test'}_template`;

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Vitest global setup: one migrated PostgreSQL template that each test file clones. */
export async function prepareTemplate(url: string): Promise<void> {
  const template = templateOf(url);
  await admin(url, async (c) => {
    await c.query(`drop database if exists ${template}`);
    await c.query(`create database ${template}`);
  });
  const { db } = openDatabase({ databaseUrl: withDatabase(url, template), poolSize: 1 });
  await migrateToLatest(db);
  await db.destroy();
}

export interface TestDatabase {
  db: Database;
  dialect: DialectName;
  /** Where the database lives, to reopen it after a restart. */
  location: { databaseUrl?: string; sqlitePath?: string };
  drop(): Promise<void>;
}

/** A freshly migrated database of its own for one test file. */
export async function createTestDatabase(sqlitePath = ':memory:'): Promise<TestDatabase> {
  const url = testDatabaseUrl();
  if (!url) {
    const { db, dialect } = openDatabase({ sqlitePath });
    await migrateToLatest(db);
    return { db, dialect, location: { sqlitePath }, drop: () => db.destroy() };
  }
  const name = `liaison_t_${newId().replace(/-/g, '').slice(-16)}`;
  await admin(url, async (c) => {
    await c.query(`create database ${name} template ${templateOf(url)}`);
    // A test database is thrown away, so its commits need not wait for the disk (crash safety only).
    await c.query(`alter database ${name} set synchronous_commit = off`);
  });
  const databaseUrl = withDatabase(url, name);
  const { db, dialect } = openDatabase({ databaseUrl, poolSize: 5 });
  return {
    db,
    dialect,
    location: { databaseUrl },
    drop: async () => {
      await db.destroy().catch(() => undefined);
      await admin(url, async (c) => {
        // A plain drop stops an autovacuum worker busy in the database by itself, where FORCE would
        // refuse to end a process of another role; FORCE only for connections a test left open.
        await c.query(`drop database if exists ${name}`).catch(async (e: unknown) => {
          if ((e as { code?: string }).code !== '55006') throw e; // object_in_use
          await c.query(`drop database if exists ${name} with (force)`);
        });
      });
    },
  };
}

/** An empty PostgreSQL database (no tables at all), e.g. for a restore to fill; dropped by `drop`. */
export async function createEmptyPostgresDatabase(url: string): Promise<{ databaseUrl: string; drop(): Promise<void> }> {
  const name = `liaison_e_${newId().replace(/-/g, '').slice(-16)}`;
  await admin(url, (c) => c.query(`create database ${name}`));
  return {
    databaseUrl: withDatabase(url, name),
    // As for the test databases above: FORCE only when a connection was left open, never against autovacuum.
    drop: () =>
      admin(url, (c) =>
        c.query(`drop database if exists ${name}`).catch(async (e: unknown) => {
          if ((e as { code?: string }).code !== '55006') throw e;
          return c.query(`drop database if exists ${name} with (force)`);
        }),
      ).then(() => undefined),
  };
}
