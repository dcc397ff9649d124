import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { openDatabase } from './db/database.js';
import { KNOWN_MIGRATIONS } from './db/migrations/index.js';
import { randomPort, serverDatabase, startServer as start, stopServer as stop } from './test/server-process.js';

const ADMIN = { email: 'admin@restart.test', password: 'Restart-Passw0rd-1' };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-restart-'));

/** The exit code, or 'still running' when the process has not exited within ms (it is then killed). */
function exitWithin(child: ChildProcess, ms: number): Promise<number | null | 'still running'> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve('still running');
    }, ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

let env: Record<string, string> | undefined;
let database: Awaited<ReturnType<typeof serverDatabase>> | undefined;

/** The server's environment: this file's data folder, or a PostgreSQL database of its own. */
async function serverEnv(): Promise<Record<string, string>> {
  database ??= await serverDatabase(dataDir);
  // No balancer watches these servers: a short grace keeps the stops quick.
  env ??= { ...database.env, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: '100' };
  return env;
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(condition()).toBe(true);
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0];
}

afterAll(async () => {
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('process restart', () => {
  it('keeps what was written when stopped with SIGTERM and started again', async () => {
    const env = await serverEnv();
    const port = randomPort();
    const base = `http://127.0.0.1:${port}`;

    const first = await start(port, env);
    const cookie = await signIn(base);
    const created = await fetch(`${base}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ name: 'Survives restarts' }),
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect(await stop(first.child)).toBe(0);
    expect(first.output()).toContain('stopped cleanly');

    const second = await start(port, env);
    const read = await fetch(`${base}/api/v1/accounts/${id}`, { headers: { cookie } });
    expect(read.status).toBe(200);
    expect((await read.json()).name).toBe('Survives restarts');
    expect(await stop(second.child)).toBe(0);
  }, 60_000);

  it('on SIGTERM turns unready at once, keeps serving through the grace period, then closes', async () => {
    const graceMs = 1500;
    const port = randomPort();
    const base = `http://127.0.0.1:${port}`;
    const { child, output } = await start(port, { ...(await serverEnv()), SHUTDOWN_GRACE_MS: String(graceMs) });
    const cookie = await signIn(base);
    let exitedAt = 0;
    child.once('exit', () => (exitedAt = Date.now()));

    const stoppedAt = Date.now();
    child.kill('SIGTERM');
    await waitFor(() => output().includes('not ready any more'));
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'draining' });
    // What the balancer routed here before it noticed still succeeds, writes included.
    const created = await fetch(`${base}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ name: 'Written while draining' }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('connection')).toBe('close');
    expect((await fetch(`${base}/api/v1/accounts`, { headers: { cookie } })).status).toBe(200);
    expect(exitedAt).toBe(0);

    expect(await exitWithin(child, graceMs + 5000)).toBe(0);
    expect(exitedAt - stoppedAt).toBeGreaterThanOrEqual(graceMs);
    expect(output()).toContain('stopped cleanly');
  }, 60_000);

  it('exits within seconds when its whole process group is stopped and the log reader goes away at once', async () => {
    const port = randomPort();
    const base = `http://127.0.0.1:${port}`;
    const { child } = await start(port, await serverEnv(), true);
    const cookie = await signIn(base);
    for (let i = 0; i < 20; i++) expect((await fetch(`${base}/api/v1/accounts`, { headers: { cookie } })).status).toBe(200);

    // What a supervisor does when it stops a service: a signal to the group, and its end of the pipe closes.
    process.kill(-child.pid!, 'SIGTERM');
    child.stdout!.destroy();
    child.stderr!.destroy();
    expect(await exitWithin(child, 5000)).toBe(0);
  }, 60_000);

  it('keeps answering after its log reader went away, and still stops within seconds', async () => {
    const port = randomPort();
    const base = `http://127.0.0.1:${port}`;
    const { child } = await start(port, await serverEnv(), true);
    child.stdout!.destroy();
    child.stderr!.destroy();
    const cookie = await signIn(base); // each request writes log lines to the closed pipe
    for (let i = 0; i < 20; i++) expect((await fetch(`${base}/api/v1/accounts`, { headers: { cookie } })).status).toBe(200);
    expect(child.exitCode).toBeNull();

    process.kill(-child.pid!, 'SIGTERM');
    expect(await exitWithin(child, 5000)).toBe(0);
  }, 60_000);

  it('tells its release and schema version, and refuses to start on a database a newer release migrated', async () => {
    const env = await serverEnv();
    const port = randomPort();
    const base = `http://127.0.0.1:${port}`;
    const { child } = await start(port, env);
    const version = await (await fetch(`${base}/api/v1/version`)).json();
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    expect(version).toEqual({ version: pkg.version, schema: { current: KNOWN_MIGRATIONS.at(-1), latest: KNOWN_MIGRATIONS.at(-1) } });
    expect(await (await fetch(`${base}/readyz`)).json()).toMatchObject({ status: 'ready', version: pkg.version });
    expect(await stop(child)).toBe(0);

    // What a newer release leaves behind: a migration this one has never heard of.
    const { db } = openDatabase(
      env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { sqlitePath: path.join(dataDir, 'liaison.sqlite') },
    );
    const future = (db as Kysely<any>)
      .insertInto('kysely_migration')
      .values({ name: '9999_from_the_future', timestamp: new Date().toISOString() });
    await future.execute();
    try {
      const refused = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: { ...process.env, PORT: String(randomPort()), HOST: '127.0.0.1', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      refused.stderr.on('data', (d) => (output += d));
      expect(await exitWithin(refused, 30_000)).toBe(1);
      expect(output).toContain('newer than this version of Liaison');
      expect(output).toContain('9999_from_the_future');
    } finally {
      await (db as Kysely<any>).deleteFrom('kysely_migration').where('name', '=', '9999_from_the_future').execute();
      await db.destroy();
    }
  }, 60_000);
});
