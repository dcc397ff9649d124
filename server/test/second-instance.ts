import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { openDatabase, type Database } from '../db/database.js';
import { testDatabaseUrl } from './database.js';
import { createTestApp, type TestApp } from './harness.js';

/** Another instance of the app on the test app's database and clock, as a second server would run. */
export interface SecondInstance {
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * A second app on `t`'s database: with its own connection (a pool on PostgreSQL, a handle on
 * the SQLite file), or on `t`'s own handle when `shareHandle` is set.
 */
export async function startSecondInstance(
  t: TestApp,
  opts: { smtpUrl?: string; shareHandle?: boolean; publicUrl?: string } = {},
): Promise<SecondInstance> {
  const own: Database | null = opts.shareHandle ? null : openDatabase(t.database.location).db;
  const app = await buildApp({
    db: own ?? t.database.db,
    dialect: t.database.dialect,
    clock: t.clock,
    logLevel: 'silent',
    webDist: null,
    smtpUrl: opts.smtpUrl,
    publicUrl: opts.publicUrl,
  });
  await app.ready();
  return {
    app,
    async close() {
      await app.close();
      await own?.destroy();
    },
  };
}

export interface TwoInstances {
  t: TestApp;
  /** Another instance of the app on the same database and clock: it learns of changes only from the database. */
  second: FastifyInstance;
  close(): Promise<void>;
}

/** A test app on a database a second instance can open too (a SQLite file rather than memory), and that second instance. */
export async function createTwoInstances(opts: { now?: string } = {}): Promise<TwoInstances> {
  const dir = testDatabaseUrl() ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-shared-'));
  const t = await createTestApp({ sqlitePath: dir ? path.join(dir, 'shared.sqlite') : undefined, now: opts.now });
  const second = await startSecondInstance(t);
  return {
    t,
    second: second.app,
    async close() {
      await second.close();
      await t.close();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
