import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Ports, ServerConfig } from './server.js';

const SERVER = fileURLToPath(new URL('./server.ts', import.meta.url));

/** The servers' processes still running, for an interrupted run to stop. */
export const children = new Set<ChildProcess>();

/** Starts the app and the baseline in a process of their own; answers their ports and how to talk to them. */
export async function startServers(config: ServerConfig) {
  const child = fork(SERVER, [JSON.stringify(config)], { execArgv: ['--import', 'tsx'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const [ports] = (await once(child, 'message')) as [Ports];
  /** Sends the servers' process a message and answers its reply. */
  const ask = async (message: string): Promise<unknown> => {
    child.send(message);
    const [reply] = (await once(child, 'message')) as [unknown];
    return reply;
  };
  const cpu = async () => (await ask('cpu')) as { cpu: number; db: number };
  const stop = async () => {
    child.disconnect();
    if (child.exitCode === null) await once(child, 'exit');
  };
  return { ports, cpu, ask, stop };
}
