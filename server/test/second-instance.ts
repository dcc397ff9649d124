import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { openDatabase } from '../db/database.js';
import { testDatabaseUrl } from './database.js';
import { createTestApp, type TestApp } from './harness.js';

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
  const { db } = openDatabase(t.database.location);
  const second = await buildApp({ db, dialect: t.database.dialect, clock: t.clock, logLevel: 'silent', webDist: null });
  await second.ready();
  return {
    t,
    second,
    async close() {
      await second.close();
      await db.destroy();
      await t.close();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
