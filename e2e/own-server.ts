/** A server of a journey's own, for journeys that need what the shared one has not (demo data, outgoing email). */
import { expect } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** A fresh data folder for a server of its own (SQLite, whatever database the other journeys use). */
export const ownDataDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/**
 * A fresh data folder holding the demo agency (a year of history, SQLite). The demo is seeded once
 * per run, into the run's folder, and copied for each journey: seeding is the slow part.
 */
export function demoDataDir(prefix: string): string {
  const seeded = path.join(process.env.E2E_DATA_DIR ?? os.tmpdir(), 'demo-seeded');
  if (!fs.existsSync(seeded)) {
    const fresh = ownDataDir('liaison-demo-');
    const env = { ...process.env, DATA_DIR: fresh, DATABASE_URL: '', LOG_LEVEL: 'warn' };
    execFileSync(process.execPath, ['--import', 'tsx', 'server/cli/seed-demo.ts'], { env, stdio: 'pipe' });
    // Renamed whole once seeded, so a folder under this name is always complete.
    fs.renameSync(fresh, seeded);
  }
  const dir = ownDataDir(prefix);
  fs.cpSync(seeded, dir, { recursive: true });
  return dir;
}

/**
 * Starts the app on a free port with `env` (on top of this process's environment, with
 * `DATA_DIR` required) and waits until it is ready; `PUBLIC_URL` may name its address as
 * `{baseURL}`. Answers its address and how to stop it.
 */
export async function startOwnServer(env: Record<string, string>): Promise<{ baseURL: string; stop: () => void }> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const filled = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.replace('{baseURL}', baseURL)]));
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...filled, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'ignore',
  });
  await expect
    .poll(
      () =>
        fetch(`${baseURL}/readyz`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 60_000 },
    )
    .toBe(200);
  return { baseURL, stop: () => server.kill() };
}
