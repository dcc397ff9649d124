/** The real server as a process of its own, for tests of what only a whole process shows (signals, start-up, exporters). */
import { spawn, type ChildProcess } from 'node:child_process';
import { createTestDatabase, testDatabaseUrl } from './database.js';

/**
 * A port for a server under test, below Linux's ephemeral range (32768 and up): a port there
 * may be held by any outgoing connection of the machine (a database client's, a browser's).
 */
export const randomPort = () => 20000 + Math.floor(Math.random() * 12000);

/** Starts `server/main.ts` and waits until it is ready; `detached` gives it a process group of its own, as a supervisor does. */
export async function startServer(
  port: number,
  env: Record<string, string>,
  detached = false,
): Promise<{ child: ChildProcess; output: () => string }> {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached,
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
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

/** Sends SIGTERM; answers the exit code. */
export function stopServer(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

/**
 * Where a server under test keeps its data: `dataDir` (SQLite), or on PostgreSQL a database of
 * its own, emptied of this process's connections (the server opens its own pool).
 */
export async function serverDatabase(dataDir: string): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (!testDatabaseUrl()) return { env: { DATA_DIR: dataDir }, drop: async () => undefined };
  const database = await createTestDatabase();
  await database.db.destroy();
  return { env: { DATA_DIR: dataDir, DATABASE_URL: database.location.databaseUrl! }, drop: () => database.drop() };
}
