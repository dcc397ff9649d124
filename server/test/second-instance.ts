import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { openDatabase, type Database } from '../db/database.js';
import type { TestApp } from './harness.js';

/** Another instance of the app on the test app's database and clock, as a second server would run. */
export interface SecondInstance {
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * A second app on `t`'s database: with its own connection (a pool on PostgreSQL, a handle on
 * the SQLite file), or on `t`'s own handle when `shareHandle` is set.
 */
export async function startSecondInstance(t: TestApp, opts: { smtpUrl?: string; shareHandle?: boolean } = {}): Promise<SecondInstance> {
  const own: Database | null = opts.shareHandle ? null : openDatabase(t.database.location).db;
  const app = await buildApp({
    db: own ?? t.database.db,
    dialect: t.database.dialect,
    clock: t.clock,
    logLevel: 'silent',
    webDist: null,
    smtpUrl: opts.smtpUrl,
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
