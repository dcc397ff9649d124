import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobService } from '../../jobs/job.service.js';
import { testDatabaseUrl } from '../../test/database.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { backupJobs } from './backup.jobs.js';
import { backupsToPrune, createBackup, DAILY_BACKUP_JOB, listBackups } from './index.js';

describe('which backups the retention rules delete', () => {
  const at = (createdAt: string) => ({ createdAt });
  it('keeps the newest of each of the latest days and weeks that have one, in the agency’s time zone', () => {
    const all = [
      at('2026-02-16T01:00:00.000Z'), // Mon of an older week
      at('2026-02-20T01:00:00.000Z'), // Fri, the newest of that week
      at('2026-02-27T01:00:00.000Z'),
      at('2026-02-28T01:00:00.000Z'),
      at('2026-03-01T21:30:00.000Z'), // Sunday evening in UTC, already Monday in Moscow
      at('2026-03-02T01:00:00.000Z'), // Monday
      at('2026-03-03T01:00:00.000Z'),
    ];
    const kept = (zone: string, keepDaily: number, keepWeekly: number) => {
      const pruned = new Set(backupsToPrune(all, { keepDaily, keepWeekly, timeZone: zone }));
      return all.filter((b) => !pruned.has(b)).map((b) => b.createdAt.slice(0, 10));
    };
    // Days Tue, Mon; weeks: Mar 2 (Tue), Feb 23 (Sun 1 Mar), Feb 16 (Fri 20 Feb).
    expect(kept('UTC', 2, 3)).toEqual(['2026-02-20', '2026-03-01', '2026-03-02', '2026-03-03']);
    // In Moscow the Sunday-evening backup falls on Monday, which has a newer one; Sat 28 Feb ends its week.
    expect(kept('Europe/Moscow', 2, 3)).toEqual(['2026-02-20', '2026-02-28', '2026-03-02', '2026-03-03']);
    expect(kept('UTC', 6, 0)).toEqual(all.slice(-6).map((b) => b.createdAt.slice(0, 10)));
  });
});

describe('the daily backup job', () => {
  let t: TestApp;
  let dir: string;
  let jobs: JobService;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-retention-'));
    t = await createTestApp({ sqlitePath: testDatabaseUrl() ? undefined : path.join(dir, 'live.sqlite'), now: '2026-02-27T00:30:00.000Z' });
    expect((await t.admin.patch('/api/v1/settings/billing', { timeZone: 'Europe/Moscow' })).statusCode).toBe(200);
    jobs = new JobService(t.database.db, t.clock);
    const schedule = { location: t.database.location, dir: path.join(dir, 'backups'), hour: 4, keepDaily: 2, keepWeekly: 2 };
    jobs.register(...backupJobs(t.database.db, t.clock, t.app.services.calendar, schedule));
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs once a day from the hour in the agency’s time zone and prunes what the rules no longer keep', async () => {
    // 03:30 in Moscow: not yet due.
    expect(await jobs.runDue()).toEqual([]);
    const manual = await createBackup({ db: t.database.db, location: t.database.location, dir: path.join(dir, 'backups'), clock: t.clock });

    for (const day of ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02', '2026-03-03']) {
      t.clock.set(`${day}T01:15:00.000Z`); // 04:15 in Moscow
      const [ran] = await jobs.runDue();
      expect(ran).toMatchObject({ name: DAILY_BACKUP_JOB, key: day, outcome: { status: 'done' } });
      t.clock.advance(3600_000);
      expect((await jobs.runDue())[0].outcome.status).toBe('already_done');
    }

    const left = await listBackups(path.join(dir, 'backups'));
    // Tue and Mon are the two latest days; Tue and Sun end the two latest weeks. The manual backup stays.
    expect(left.map((b) => [b.manifest.createdAt.slice(0, 10), b.manifest.trigger])).toEqual([
      ['2026-02-27', 'manual'],
      ['2026-03-01', 'scheduled'],
      ['2026-03-02', 'scheduled'],
      ['2026-03-03', 'scheduled'],
    ]);
    expect(left[0].manifest.file).toBe(manual.manifest.file);
    // Pruned backups lose both their data file and their manifest.
    expect(fs.readdirSync(path.join(dir, 'backups')).sort()).toEqual(
      left.flatMap((b) => [b.manifest.file, path.basename(b.manifestFile)]).sort(),
    );
  }, 60_000);
});
