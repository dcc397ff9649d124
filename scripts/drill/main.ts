/**
 * The multi-instance drill: PostgreSQL, three instances behind HAProxy checking `/readyz`, a
 * steady mixed load, a rolling restart (SIGTERM one by one), a kill -9, then checks against the
 * database. Exits 1 when any check fails. Run through `scripts/drill-cluster [--short] [--keep]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrations/index.js';
import { Balancer, haproxyConfig, Instance } from './cluster.js';
import { Load, prepareFixture } from './load.js';
import { formatChecks, formatTable, summarize } from './summary.js';
import { checkJobs, checkSessions, checkSignInLimits, checkWrites, type Check } from './verify.js';

const args = new Set(process.argv.slice(2));
const short = args.has('--short');
const keep = args.has('--keep');

/** Seconds of steady load before and after, and between two restarts of the rolling one (once the balancer routes to it again). */
const PLAN = short ? { before: 5, between: 0, after: 5, users: 2 } : { before: 45, between: 10, after: 45, users: 4 };
const CHECK_MS = 200;
/** Well past what the balancer needs to notice (two failed checks CHECK_MS apart, each slow on a busy machine). */
const GRACE_MS = 3000;
const PHASES = ['before', 'rolling restart', 'kill -9', 'after'];

const maintenanceUrl = process.env.DRILL_PG_URL ?? 'postgres://app:app@127.0.0.1:5432/postgres';
const basePort = Number(process.env.DRILL_PORT ?? 3400);
const credentials = { email: 'admin@drill.test', password: 'Quartz-Harbor-Lantern-47' };

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const log = (text: string) => console.log(`[drill ${new Date().toISOString().slice(11, 19)}] ${text}`);

async function main(): Promise<number> {
  const started = Date.now();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-drill-'));
  const dbName = `liaison_drill_${Date.now().toString(36)}`;
  const databaseUrl = withDatabase(maintenanceUrl, dbName);
  await admin(`create database ${dbName}`);
  log(`database ${dbName}; logs in ${workDir}`);

  const { db } = openDatabase({ databaseUrl });
  await migrateToLatest(db);

  const env = {
    DATABASE_URL: databaseUrl,
    DATA_DIR: workDir,
    ADMIN_EMAIL: credentials.email,
    ADMIN_PASSWORD: credentials.password,
    TRUST_PROXY: 'true',
    SHUTDOWN_GRACE_MS: String(GRACE_MS),
    // Every instance races for every due job each second: a period done twice would show.
    JOB_POLL_MS: '1000',
    LOG_LEVEL: 'warn',
  };
  const instances = [1, 2, 3].map((n) => new Instance(`app${n}`, basePort + n, env, workDir));
  const balancer = new Balancer(basePort, path.join(workDir, 'haproxy.cfg'), workDir);
  let phase = 'setup';
  const load = new Load({ base: balancer.url, users: PLAN.users, credentials, phase: () => phase, thinkMs: short ? 20 : 10 });
  const checks: Check[] = [];
  try {
    for (const i of instances) i.start();
    await Promise.all(instances.map((i) => i.waitReady()));
    await balancer.start(haproxyConfig(basePort, instances, CHECK_MS));
    for (const i of instances) await balancer.waitRouting(i.name);
    log(`3 instances ready behind HAProxy on ${balancer.url} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

    phase = 'before';
    await load.start(await prepareFixture(balancer.url, credentials));
    await sleep(PLAN.before * 1000);

    phase = 'rolling restart';
    for (const i of instances) {
      const code = await i.stop('SIGTERM');
      checks.push({ name: `${i.name} stopped cleanly on SIGTERM`, ok: code === 0, detail: `exit code ${code}` });
      i.start();
      await i.waitReady();
      // Back in the balancer before the next one goes.
      await balancer.waitRouting(i.name);
      log(`${i.name} restarted`);
      await sleep(PLAN.between * 1000);
    }

    phase = 'kill -9';
    await instances[1].stop('SIGKILL');
    await sleep(1000);
    instances[1].start();
    await instances[1].waitReady();
    await balancer.waitRouting(instances[1].name);
    log(`${instances[1].name} killed and started again`);

    phase = 'after';
    await sleep(PLAN.after * 1000);
    await load.stop();
    phase = 'checks';

    const rows = summarize(load.samples, PHASES);
    for (const r of rows) {
      if (r.requests === 0) checks.push({ name: `load during ${r.phase}`, ok: false, detail: 'no requests' });
      // A kill -9 fails what that instance was serving; everywhere else nothing may fail.
      if (r.phase !== 'kill -9')
        checks.push({ name: `no failed request (${r.phase})`, ok: r.errors === 0, detail: `${r.errors} of ${r.requests}` });
    }
    const adminRow = await db.selectFrom('users').select('id').where('email', '=', credentials.email).executeTakeFirstOrThrow();
    checks.push(...(await checkWrites(db, load.acknowledged, adminRow.id)));
    checks.push(...(await checkJobs(db)));
    checks.push(
      await checkSessions(
        instances.map((i) => i.url),
        credentials,
      ),
    );
    checks.push(await checkSignInLimits(instances.map((i) => i.url)));

    console.log(`\nMulti-instance drill (${short ? 'short' : 'full'}), ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    console.log(formatTable(rows));
    console.log(`\n${formatChecks(checks)}\n`);
  } catch (err) {
    checks.push({ name: 'drill ran to the end', ok: false, detail: (err as Error).message });
    console.error(err);
  } finally {
    await load.stop();
    await balancer.stop();
    await Promise.all(instances.map((i) => i.stop('SIGTERM')));
    await db.destroy();
  }
  const failed = checks.filter((c) => !c.ok);
  if (failed.length > 0) {
    console.log(`DRILL FAILED (${failed.length} checks); database ${dbName} and logs in ${workDir} kept`);
    return 1;
  }
  if (!keep) {
    await admin(`drop database if exists ${dbName}`);
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  console.log('DRILL PASSED');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
