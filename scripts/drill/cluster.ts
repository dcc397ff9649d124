import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** One app instance: `node --import tsx server/main.ts` on its own port, restartable. */
export class Instance {
  private child: ChildProcess | null = null;
  private readonly log: fs.WriteStream;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    logDir: string,
  ) {
    this.log = fs.createWriteStream(path.join(logDir, `${name}.log`), { flags: 'a' });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(this.log, { end: false });
    child.stderr.pipe(this.log, { end: false });
    this.child = child;
  }

  /** Until `/readyz` answers 200 on the instance itself. */
  async waitReady(timeoutMs = 180_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (this.child?.exitCode !== null) throw new Error(`${this.name} exited with ${this.child?.exitCode} before it was ready`);
      const ok = await fetch(`${this.url}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await sleep(100);
    }
    throw new Error(`${this.name} not ready after ${timeoutMs} ms`);
  }

  /** Sends the signal and waits for the process to exit; answers its exit code (null when killed). */
  stop(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child?.exitCode ?? null);
    return new Promise((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.kill(signal);
    });
  }
}

/** HAProxy in the foreground, balancing round-robin over the instances, each checked on `/readyz`. */
export function haproxyConfig(port: number, instances: Instance[], checkMs: number): string {
  return [
    'global',
    '  maxconn 2000',
    '',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 30s',
    '  timeout server 30s',
    '  timeout http-keep-alive 10s',
    // A busy instance may answer a check slowly; only an answer other than 200 (a draining one's 503) or silence this long counts.
    '  timeout check 3s',
    // Only a connection that never reached an instance is retried elsewhere: safe for any request.
    '  retries 3',
    '  option redispatch',
    '',
    'frontend web',
    `  bind 127.0.0.1:${port}`,
    '  option forwardfor',
    '  default_backend app',
    '',
    'backend app',
    '  balance roundrobin',
    '  option httpchk GET /readyz',
    '  http-check expect status 200',
    // Which instance answered, so the drill can tell that sessions and limits cross instances.
    '  http-response set-header x-served-by %[srv_name]',
    `  default-server inter ${checkMs} fall 2 rise 2`,
    ...instances.map((i) => `  server ${i.name} 127.0.0.1:${i.port} check`),
    '',
  ].join('\n');
}

export class Balancer {
  private child: ChildProcess | null = null;

  constructor(
    readonly port: number,
    private readonly configPath: string,
    private readonly logDir: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(config: string): Promise<void> {
    fs.writeFileSync(this.configPath, config);
    const log = fs.createWriteStream(path.join(this.logDir, 'haproxy.log'));
    const child = spawn('haproxy', ['-db', '-f', this.configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.once('error', (err) => console.error(`haproxy: ${err.message}`));
    this.child = child;
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}; see ${this.logDir}/haproxy.log`);
      const ok = await fetch(`${this.url}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await sleep(100);
    }
    throw new Error('haproxy does not answer');
  }

  /** Until the balancer routes a request to `server` (its checks passed), asking /readyz through it. */
  async waitRouting(server: string, timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const by = await fetch(`${this.url}/readyz`).then(
        (r) => r.headers.get('x-served-by'),
        () => null,
      );
      if (by === server) return;
      await sleep(50);
    }
    throw new Error(`the balancer does not route to ${server} after ${timeoutMs} ms`);
  }

  stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}
