import { fork } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openDatabase } from '../server/db/database.js';
import { systemClock } from '../server/lib/clock.js';
import { createBackup, restoreBackup } from '../server/modules/backups/index.js';
import { seed } from './seed.js';
import type { Ports } from './server.js';
import { postgresTarget, sqliteTarget, type Target } from './target.js';

/**
 * `node --import tsx bench/backup.ts` (PostgreSQL with DATABASE_URL): seeds the bench volume, then
 * measures the accounts list's p99 idle and while backups run back to back (the target: ≤ 2×
 * idle), and how long restoring the last backup into an empty database takes. The app serves
 * from its own process, as in production; the backup runs in this one, as `npm run backup` would.
 * Prints; never fails on a ratio.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SERVER = fileURLToPath(new URL('./server.ts', import.meta.url));

async function measure(url: string, headers: Record<string, string>) {
  const r = await autocannon({ url, headers, connections: 10, duration: SECONDS });
  return { p99: r.latency.p99, rps: r.requests.average, failures: r.non2xx + r.errors };
}

/** Restores the backup into a new empty database of the same kind; answers the seconds it took. */
async function timeRestore(source: Target, manifestFile: string) {
  const target = source.name === 'postgres' ? await postgresTarget(process.env.DATABASE_URL!) : sqliteTarget();
  try {
    const { durationMs } = await restoreBackup({ file: manifestFile, location: target.location });
    return durationMs / 1000;
  } finally {
    await target.drop();
  }
}

async function main() {
  const target: Target = process.env.DATABASE_URL ? await postgresTarget(process.env.DATABASE_URL) : sqliteTarget();
  const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-bench-backups-'));
  try {
    let started = performance.now();
    const seeded = await seed(target.location);
    console.log(`seeded ${target.name} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const child = fork(SERVER, [JSON.stringify({ location: target.location, managerId: seeded.managerId, today: seeded.today })], {
      execArgv: ['--import', 'tsx'],
    });
    const [ports] = (await once(child, 'message')) as [Ports];
    const url = `http://127.0.0.1:${ports.app}/api/v1/accounts?limit=50`;
    const headers = { authorization: `Bearer ${seeded.token}` };
    const { db } = openDatabase({ ...target.location, poolSize: 1 });
    try {
      await autocannon({ url, headers, connections: 10, duration: 1 }); // warm-up
      const idle = await measure(url, headers);

      let running = true;
      const backups: Array<{ ms: number; size: number; files: string[] }> = [];
      const loop = (async () => {
        while (running) {
          const b = await createBackup({ db, location: target.location, dir: backupDir, clock: systemClock });
          backups.push({ ms: b.durationMs, size: b.manifest.size, files: [b.dataFile, b.manifestFile] });
          for (const file of backups.at(-2)?.files ?? []) fs.rmSync(file); // keeps the last one, to restore
          await new Promise((resolve) => setTimeout(resolve, 1000)); // names are per second
        }
      })();
      started = performance.now();
      const during = await measure(url, headers);
      running = false;
      await loop;

      const last = backups[backups.length - 1];
      console.log(`\nbackup of the bench volume (${target.name})`);
      console.log(
        `  backups during the window: ${backups.length}; last: ${(last.ms / 1000).toFixed(1)} s, ${(last.size / 1024 / 1024).toFixed(1)} MB`,
      );
      console.log(`  GET /api/v1/accounts p99 idle ${idle.p99} ms (${idle.rps.toFixed(0)} req/s, ${idle.failures} failures)`);
      console.log(
        `  GET /api/v1/accounts p99 during backup ${during.p99} ms (${during.rps.toFixed(0)} req/s, ${during.failures} failures)`,
      );
      console.log(`  ratio ${(during.p99 / idle.p99).toFixed(2)}× (target ≤ 2×)`);
      console.log(`  restore of the last backup into an empty database: ${(await timeRestore(target, last.files[1])).toFixed(1)} s`);
    } finally {
      await db.destroy();
      child.disconnect();
      if (child.exitCode === null) await once(child, 'exit');
    }
  } finally {
    fs.rmSync(backupDir, { recursive: true, force: true });
    await target.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
