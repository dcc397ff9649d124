/**
 * `npm run lighthouse`: Lighthouse (mobile, default throttling) on the built app, with the demo
 * agency in a throwaway SQLite database, for sign-in, the accounts list and an account page
 * (signed in as the demo account manager).
 * A measuring tool, not a test: scores move with the machine's load, so each page is measured
 * several times and the median is printed (with the load average while measuring).
 *
 *   npm run lighthouse                      build, seed, measure (3 runs a page)
 *   npm run lighthouse -- --no-build        measure the build already in web/dist
 *   npm run lighthouse -- --runs 5 --out reports/
 *   npm run lighthouse -- --compare ../other-checkout
 *                                           the same pages of another checkout (its own build
 *                                           and server), measured in the same rounds: a fair
 *                                           before/after on a machine whose load keeps changing
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { DEMO_PASSWORD } from '../server/demo/demo.people.js';

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = [
  ['FCP', 'first-contentful-paint'],
  ['LCP', 'largest-contentful-paint'],
  ['TBT', 'total-blocking-time'],
  ['CLS', 'cumulative-layout-shift'],
  ['SI', 'speed-index'],
] as const;
/** The demo account manager: the person who opens the accounts list and an account page most. */
const MANAGER = 'anna@demo.liaison.test';

interface Page {
  name: string;
  path: string;
  signedIn: boolean;
}
interface Run {
  scores: Record<string, number>;
  metrics: Record<string, number>;
  /** Lighthouse's measure of this machine's speed at the time (higher is faster). */
  benchmark: number;
}
interface App {
  label: string;
  base: string;
  cookie: string;
  accountId: string;
}

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    out: { type: 'string' },
    compare: { type: 'string' },
  },
});
const runs = Math.max(1, Number(args.runs) || 3);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const cleanups: (() => void)[] = [];
const cleanUp = () => {
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      fn();
    } catch {
      // best effort: leave nothing behind, but never fail while leaving
    }
  }
};
process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function run(cmd: string, argv: string[], env: NodeJS.ProcessEnv, cwd: string) {
  const res = spawnSync(cmd, argv, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (res.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${res.status ?? res.signal})`);
}

async function waitForReady(url: string, server: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`the server stopped (${server.exitCode})`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} never answered`);
}

async function api<T>(base: string, p: string, init: RequestInit = {}): Promise<{ body: T; res: Response }> {
  const res = await fetch(`${base}/api/v1${p}`, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  if (!res.ok) throw new Error(`${p} answered ${res.status}: ${await res.text()}`);
  return { body: (await res.json()) as T, res };
}

/**
 * Puts the session cookie into the browser's own cookie jar over the DevTools protocol. (Given
 * as an extra header instead, it is lost as soon as the page sets a cookie of its own.)
 */
async function setCookies(port: number, url: string, cookies: string) {
  const { webSocketDebuggerUrl } = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as {
    webSocketDebuggerUrl: string;
  };
  const socket = new WebSocket(webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.onerror = () => reject(new Error('could not reach the browser to set the session cookie'));
    socket.onopen = () => {
      const list = cookies.split('; ').map((c) => {
        const [name, ...value] = c.split('=');
        return { name, value: value.join('='), url, httpOnly: true, sameSite: 'Lax' };
      });
      socket.send(JSON.stringify({ id: 1, method: 'Storage.setCookies', params: { cookies: list } }));
    };
    socket.onmessage = (event) => {
      const answer = JSON.parse(String(event.data)) as { id?: number; error?: { message: string } };
      if (answer.id !== 1) return;
      socket.close();
      if (answer.error) reject(new Error(answer.error.message));
      else resolve();
    };
  });
}

async function measure(url: string, cookie: string | null): Promise<{ run: Run; report: string }> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-lh-chrome-'));
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: CHROME_FLAGS,
    userDataDir,
    logLevel: 'silent',
  });
  try {
    if (cookie) await setCookies(chrome.port, url, cookie);
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    // A page that fell back to sign-in would be measured as the wrong page: refuse the run.
    const landed = new URL(lhr.finalDisplayedUrl).pathname;
    if (landed !== new URL(url).pathname) throw new Error(`${url} ended on ${landed}`);
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
    const metrics = Object.fromEntries(METRICS.map(([k, id]) => [k, lhr.audits[id]?.numericValue ?? NaN]));
    return { run: { scores, metrics, benchmark: lhr.environment.benchmarkIndex }, report: result.report as string };
  } finally {
    chrome.kill();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** Lighthouse now and then fails to record a load (NO_NAVSTART, a protocol timeout): try again. */
async function measureWithRetries(url: string, cookie: string | null, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await measure(url, cookie);
    } catch (err) {
      if (attempt >= attempts) throw err;
      console.log(`  (${url}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}; trying again)`);
    }
  }
}

function printTable(names: string[], results: Map<string, Run[]>, loads: string[]) {
  const header = ['page', 'perf', 'a11y', 'best', 'seo', 'FCP s', 'LCP s', 'TBT ms', 'CLS', 'SI s', 'perf runs', 'cpu'];
  const rows = names.map((name) => {
    const rs = results.get(name) ?? [];
    const m = (k: string) => median(rs.map((r) => r.metrics[k]));
    return [
      name,
      ...CATEGORIES.map((c) => String(median(rs.map((r) => r.scores[c])))),
      (m('FCP') / 1000).toFixed(2),
      (m('LCP') / 1000).toFixed(2),
      m('TBT').toFixed(0),
      m('CLS').toFixed(3),
      (m('SI') / 1000).toFixed(2),
      rs.map((r) => r.scores.performance).join(' '),
      median(rs.map((r) => r.benchmark)).toFixed(0),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(`\nLighthouse ${runs === 1 ? '(1 run)' : `(median of ${runs} runs)`}, mobile, default throttling`);
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log(`load average (1, 5, 15 min) before and after: ${loads.join(' -> ')} on ${os.cpus().length} cores`);
  console.log('cpu: Lighthouse benchmark index, median (higher is a faster machine at the time)');
}

/** Builds (unless told not to), seeds and starts the app checked out in `dir`, and signs in. */
async function startApp(dir: string, label: string): Promise<App> {
  if (!args['no-build'] || !fs.existsSync(path.join(dir, 'web/dist/index.html'))) {
    console.log(`Building the web app (${label})…`);
    run('npx', ['vite', 'build', '--logLevel', 'warn'], process.env, dir);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-lh-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  // Variables set here win over a .env in the working directory: always the throwaway SQLite.
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', ADMIN_EMAIL: '', ADMIN_PASSWORD: '' };
  console.log(`Loading the demo agency into a temporary database (${label})…`);
  run('node', ['--import', 'tsx', 'server/cli/seed-demo.ts'], env, dir);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn('node', ['--import', 'tsx', 'server/main.ts'], {
    cwd: dir,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  cleanups.push(() => server.kill('SIGTERM'));
  await waitForReady(`${base}/readyz`, server);

  const login = await api<unknown>(base, '/auth/login', {
    method: 'POST',
    body: JSON.stringify({ email: MANAGER, password: DEMO_PASSWORD }),
  });
  const cookie = login.res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const accounts = await api<{ items: { id: string }[] }>(base, '/accounts?sort=name&limit=1', { headers: { cookie } });
  const accountId = accounts.body.items[0]?.id;
  if (!accountId) throw new Error('the demo agency has no account');
  return { label, base, cookie, accountId };
}

async function main() {
  const apps = [await startApp(root, 'this checkout')];
  if (args.compare) apps.unshift(await startApp(path.resolve(args.compare), path.basename(path.resolve(args.compare))));
  const pagesOf = (app: App): Page[] => [
    { name: 'sign-in', path: '/sign-in', signedIn: false },
    { name: 'accounts list', path: '/accounts', signedIn: true },
    { name: 'account page', path: `/accounts/${app.accountId}`, signedIn: true },
  ];
  const nameOf = (app: App, page: Page) => (apps.length > 1 ? `${app.label}: ${page.name}` : page.name);
  const names = apps.flatMap((app) => pagesOf(app).map((p) => nameOf(app, p)));
  const results = new Map<string, Run[]>(names.map((n) => [n, []]));
  const loads = [load()];
  console.log(`Measuring ${names.length} pages × ${runs} runs (load average ${loads[0]})…`);
  if (args.out) fs.mkdirSync(args.out, { recursive: true });
  // Round by round, so a burst of load elsewhere on the machine spreads over every page.
  for (let i = 1; i <= runs; i++) {
    for (const [n, p] of pagesOf(apps[0]).entries()) {
      for (const app of apps) {
        const page = pagesOf(app)[n];
        const { run: r, report } = await measureWithRetries(app.base + page.path, page.signedIn ? app.cookie : null);
        const name = nameOf(app, p);
        results.get(name)!.push(r);
        console.log(`  ${name} #${i}: ${CATEGORIES.map((c) => `${c} ${r.scores[c]}`).join(', ')}`);
        if (args.out) fs.writeFileSync(path.join(args.out, `${name.replace(/\W+/g, '-')}-${i}.json`), report);
      }
    }
  }
  loads.push(load());
  printTable(names, results, loads);
}

main()
  .catch((err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exitCode = 1;
  })
  .finally(cleanUp);
