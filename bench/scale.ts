import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { buildCases, measureCase } from './cases.js';
import { reportCases } from './cases-reports.js';
import { VOLUME, SCALE } from './fixtures.js';
import type { Measurement } from './measure.js';
import { table } from './report.js';
import { openRunner } from './runner.js';
import { describeVolume, seed } from './seed.js';
import { startServers } from './servers.js';
import { postgresTarget } from './target.js';

/**
 * `npm run bench:scale` (PostgreSQL, with DATABASE_URL): the agency at 1× and at 10× the bench
 * volume (100,000 accounts, 10,000,000 timeline entries, 2,000,000 invoices at 10×), each seeded
 * into a fresh database by a process of its own. Every list, deep page, timeline and receivables
 * request is measured on the app and on the bare baseline; the run prints each 10×/1× ratio of
 * time per request (the goal: ≤ 1.5) and of database CPU per request, and what each volume
 * weighs. Prints; never fails on a ratio. `--scales=1,10` chooses the volumes.
 */

interface Measured {
  scale: number;
  volume: string;
  seedSeconds: number;
  vacuumSeconds: number;
  databaseBytes: number;
  tables: { name: string; bytes: number; rows: number }[];
  /** Each request, and whether the app and the bare SQL answered the same rows. */
  cases: { name: string; same: boolean; app: Measurement; base: Measurement }[];
}

const GOAL = 1.5;

async function measureOne(): Promise<Measured> {
  const target = await postgresTarget(process.env.DATABASE_URL!);
  // An interrupted run drops its database too: at 10× it holds about 20 GB.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void target.drop().finally(() => process.exit(130)));
  try {
    const seeded = await seed(target.location);
    const runner = openRunner(target.location);
    const started = performance.now();
    // What autovacuum does to freshly loaded tables, done before measuring rather than during it:
    // the visibility map lets index-only scans skip the table, as in a database that has run a while.
    await runner.all({ sql: 'vacuum analyze', params: [] });
    const vacuumSeconds = (performance.now() - started) / 1000;
    const [size] = await runner.all({ sql: 'select pg_database_size(current_database()) as bytes', params: [] });
    const tables = await runner.all({
      sql: `select relname as name, pg_total_relation_size(relid) as bytes, n_live_tup as rows
        from pg_stat_user_tables order by pg_total_relation_size(relid) desc limit 8`,
      params: [],
    });
    await runner.close();
    const servers = await startServers({ location: target.location, managerId: seeded.managerId, today: seeded.today });
    try {
      const appUrl = `http://127.0.0.1:${servers.ports.app}`;
      const baseUrl = `http://127.0.0.1:${servers.ports.baseline}`;
      const auth = { authorization: `Bearer ${seeded.token}` };
      const reports = (await reportCases(seeded, target.location)).filter((c) => c.name.startsWith('receivables'));
      const cases = [...(await buildCases(appUrl, seeded, auth, true)), ...reports];
      const out: Measured['cases'] = [];
      for (const c of cases) {
        const { check, app, base } = await measureCase(c, { app: appUrl, base: baseUrl }, auth, servers.cpu);
        out.push({ name: c.name, same: check.same, app, base });
        process.stdout.write('.');
      }
      return {
        scale: SCALE,
        volume: describeVolume(),
        seedSeconds: seeded.seconds,
        vacuumSeconds,
        databaseBytes: Number(size.bytes),
        tables: tables.map((t) => ({ name: String(t.name), bytes: Number(t.bytes), rows: Number(t.rows) })),
        cases: out,
      };
    } finally {
      await servers.stop();
    }
  } finally {
    await target.drop();
  }
}

/** Seeds and measures one volume in a child process, whose fixtures read BENCH_SCALE once. */
async function inChild(scale: number): Promise<Measured> {
  const child = fork(fileURLToPath(import.meta.url), ['--child'], {
    execArgv: ['--import', 'tsx', '--max-old-space-size=8192'],
    env: { ...process.env, BENCH_SCALE: String(scale) },
  });
  const stop = () => child.kill('SIGTERM');
  process.once('SIGTERM', stop);
  try {
    const [result] = await Promise.race([
      once(child, 'message') as Promise<[Measured]>,
      once(child, 'exit').then(([code]) => {
        throw new Error(`the ${scale}× run exited with ${code}`);
      }),
    ]);
    await once(child, 'exit');
    return result;
  } finally {
    process.off('SIGTERM', stop);
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1048576).toLocaleString('en')} MB`;
const perRequestMs = (m: Measurement) => 10_000 / m.rps; // 10 connections kept busy: the mean time of one request

function print(runs: Measured[]) {
  for (const r of runs) {
    console.log(`\n${r.scale}×: ${r.volume}`);
    console.log(`seeded in ${r.seedSeconds.toFixed(0)} s; VACUUM ANALYZE ${r.vacuumSeconds.toFixed(0)} s; database ${mb(r.databaseBytes)}`);
    table(
      ['table', 'rows', 'size'],
      r.tables.map((t) => [t.name, t.rows.toLocaleString('en'), mb(t.bytes)]),
    );
  }
  const [one, ...larger] = runs;
  for (const big of larger) {
    console.log(`\n${big.scale}× against ${one.scale}× (time per request: goal ≤ ${GOAL})`);
    table(
      ['request', `ms/req ${one.scale}×`, `ms/req ${big.scale}×`, 'ratio', 'db cpu µs/req', 'db cpu ratio', 'p99 ms', 'baseline ratio'],
      big.cases.map((c) => {
        const small = one.cases.find((x) => x.name === c.name)!;
        const ratio = perRequestMs(c.app) / perRequestMs(small.app);
        return [
          c.name,
          perRequestMs(small.app).toFixed(2),
          perRequestMs(c.app).toFixed(2),
          `${ratio.toFixed(2)}${ratio > GOAL ? ' over' : ''}${c.same && small.same ? '' : ' rows differ'}`,
          `${Math.round(small.app.dbCpuPerRequest)} → ${Math.round(c.app.dbCpuPerRequest)}`,
          (c.app.dbCpuPerRequest / small.app.dbCpuPerRequest).toFixed(2),
          `${small.app.p99} → ${c.app.p99}`,
          (perRequestMs(c.base) / perRequestMs(small.base)).toFixed(2),
        ];
      }),
    );
  }
  console.log('ms/req: 10 connections kept busy, so 10 s / req/s; baseline ratio: the same for the bare query.');
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('bench:scale measures PostgreSQL: set DATABASE_URL');
  if (process.argv.includes('--child')) {
    console.log(
      `\n== postgres ${SCALE}×: seeding ${describeVolume()} (${VOLUME.accounts / VOLUME.managerEvery} accounts the manager's own)`,
    );
    process.send!(await measureOne());
    return;
  }
  const scales = (process.argv.find((a) => a.startsWith('--scales='))?.slice('--scales='.length) ?? '1,10').split(',').map(Number);
  const runs: Measured[] = [];
  for (const scale of scales) runs.push(await inChild(scale));
  print(runs);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
