import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.js';
import { TestClock } from '../test/clock.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { JobService, type JobDefinition } from './job.service.js';
import { JobStore } from './job.store.js';

/**
 * Two instances of the app are two JobServices on two separate connections to one database
 * (two pools on PostgreSQL, two handles on one SQLite file).
 */
let database: TestDatabase;
let second: Database;
let dir: string | null = null;

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    database = await createTestDatabase();
    second = openDatabase({ databaseUrl: database.location.databaseUrl, poolSize: 5 }).db;
  } else {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-jobs-'));
    const file = path.join(dir, 'jobs.sqlite');
    database = await createTestDatabase(file);
    second = openDatabase({ sqlitePath: file }).db;
  }
});
afterAll(async () => {
  await second.destroy();
  await database.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A daily job that counts its runs and takes a while, so two instances overlap. */
function countingJob(name: string, counter: { runs: number }, opts: Partial<JobDefinition> = {}): JobDefinition {
  return {
    name,
    dueKey: async (now) => now.toISOString().slice(0, 10),
    run: async (key) => {
      counter.runs += 1;
      await sleep(150);
      return { key, run: counter.runs };
    },
    ...opts,
  };
}

function twoInstances(def: (clock: TestClock) => JobDefinition) {
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  const a = new JobService(database.db, clock, 'instance-a');
  const b = new JobService(second, clock, 'instance-b');
  a.register(def(clock));
  b.register(def(clock));
  return { clock, a, b };
}

describe('exactly-once scheduled jobs', () => {
  it('two instances ticking together run a daily job once; later ticks that day answer its result', async () => {
    const counter = { runs: 0 };
    const { a, b, clock } = twoInstances(() => countingJob('test.daily', counter));
    const ticks = await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);
    const outcomes = ticks.flat().map((r) => r.outcome.status);
    expect(outcomes.filter((s) => s === 'done')).toHaveLength(1);
    expect(outcomes.every((s) => s === 'done' || s === 'busy' || s === 'already_done')).toBe(true);
    expect(counter.runs).toBe(1);

    const again = await Promise.all([a.run('test.daily', '2026-03-02'), b.run('test.daily', '2026-03-02')]);
    expect(again.map((o) => o.status)).toEqual(['already_done', 'already_done']);
    expect(again[0]).toMatchObject({ result: { key: '2026-03-02', run: 1 } });

    clock.advance(24 * 3600_000);
    await Promise.all([a.runDue(), b.runDue()]);
    expect(counter.runs).toBe(2);
    const runs = await database.db
      .selectFrom('job_runs')
      .select(['run_key', 'status', 'instance_id'])
      .where('job_name', '=', 'test.daily')
      .execute();
    expect(runs.map((r) => [r.run_key, r.status])).toEqual([
      ['2026-03-02', 'done'],
      ['2026-03-03', 'done'],
    ]);
  });

  it('takes over the work of an instance that died holding the lease, once the lease expires', async () => {
    const counter = { runs: 0 };
    const { a, clock } = twoInstances(() => countingJob('test.takeover', counter, { leaseMs: 60_000 }));
    const store = new JobStore(second);
    await store.ensure('test.takeover');
    const now = clock.now();
    expect(
      await store.claim('test.takeover', '2026-03-02', 'dead-instance', now.toISOString(), new Date(now.getTime() + 60_000).toISOString()),
    ).toBe(true);
    expect((await a.run('test.takeover', '2026-03-02')).status).toBe('busy');
    clock.advance(61_000);
    expect((await a.run('test.takeover', '2026-03-02')).status).toBe('done');
    expect(counter.runs).toBe(1);
    // the dead instance cannot record completion over the new owner's
    expect(await store.complete('test.takeover', '2026-03-02', 'dead-instance', clock.now().toISOString(), {})).toBe(false);
  });

  it('a failed run is retried after its delay, not at once', async () => {
    let attempts = 0;
    const { a, b, clock } = twoInstances(() => ({
      name: 'test.flaky',
      dueKey: async (now) => now.toISOString().slice(0, 10),
      run: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('mail server down');
        return { ok: true };
      },
      retryDelayMs: 5 * 60_000,
    }));
    expect((await a.run('test.flaky', '2026-03-02')).status).toBe('failed');
    expect((await b.run('test.flaky', '2026-03-02')).status).toBe('busy');
    clock.advance(5 * 60_000 + 1);
    expect((await b.run('test.flaky', '2026-03-02')).status).toBe('done');
    expect(attempts).toBe(2);
    const job = await database.db.selectFrom('jobs').selectAll().where('name', '=', 'test.flaky').executeTakeFirstOrThrow();
    expect(job).toMatchObject({ last_key: '2026-03-02', last_status: 'done', lease_owner: null });
  });
});
