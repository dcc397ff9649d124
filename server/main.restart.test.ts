import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from './test/database.js';

const ADMIN = { email: 'admin@restart.test', password: 'Restart-Passw0rd-1' };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-restart-'));
let pgDatabase: TestDatabase | undefined;

async function start(port: number, env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, output: () => output };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready:\n${output}`);
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
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
  await pgDatabase?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('process restart', () => {
  it('keeps what was written when stopped with SIGTERM and started again', async () => {
    const env: Record<string, string> = { DATA_DIR: dataDir, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'info' };
    if (testDatabaseUrl()) {
      pgDatabase = await createTestDatabase();
      env.DATABASE_URL = pgDatabase.location.databaseUrl!;
      await pgDatabase.db.destroy(); // the server under test opens its own pool
    }
    const port = 20000 + Math.floor(Math.random() * 20000);
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
});
