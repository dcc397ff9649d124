import autocannon from 'autocannon';

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const WARMUP_SECONDS = 1;

export interface Measurement {
  rps: number;
  p99: number;
  /** CPU time of the server process per request, in µs: far less sensitive to busy neighbours than req/s. */
  cpuPerRequest: number;
  /** CPU time of the database's own processes per request, in µs (PostgreSQL; zero on SQLite, which runs in the server process). */
  dbCpuPerRequest: number;
  /** Non-2xx answers and connection errors: any makes the row suspect. */
  failures: number;
}

/** Alternating slices of app and baseline, so that a noisy neighbour does not favour one side. */
const ROUNDS = 5;

export interface Side {
  url: string;
  headers: Record<string, string>;
}

interface Slice {
  result: autocannon.Result;
  cpu: number;
  db: number;
}

/** CPU time used so far, in µs: by the servers' process and by the database's processes. */
export type CpuReading = () => Promise<{ cpu: number; db: number }>;

const run = (s: Side, duration: number) => autocannon({ url: s.url, headers: s.headers, connections: CONNECTIONS, duration });

/**
 * Measures each side SECONDS in all, after a warm-up; `serverCpu` reads the CPU time (µs) the
 * servers' process and the database have used so far.
 */
export async function compare(sides: Side[], serverCpu: CpuReading): Promise<Measurement[]> {
  for (const s of sides) await run(s, WARMUP_SECONDS);
  const slices = sides.map(() => [] as Slice[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, s] of sides.entries()) {
      const before = await serverCpu();
      const result = await run(s, SECONDS / ROUNDS);
      const after = await serverCpu();
      slices[i].push({ result, cpu: after.cpu - before.cpu, db: after.db - before.db });
    }
  }
  const sum = (xs: Slice[], f: (x: Slice) => number) => xs.reduce((n, x) => n + f(x), 0);
  return slices.map((xs) => ({
    rps: sum(xs, (x) => x.result.requests.total) / sum(xs, (x) => x.result.duration),
    p99: Math.max(...xs.map((x) => x.result.latency.p99)),
    cpuPerRequest: sum(xs, (x) => x.cpu) / sum(xs, (x) => x.result.requests.total),
    dbCpuPerRequest: sum(xs, (x) => x.db) / sum(xs, (x) => x.result.requests.total),
    failures: sum(xs, (x) => x.result.non2xx + x.result.errors),
  }));
}

/** Follows nextCursor through pages until at least `rows` rows lie behind, and returns that cursor. */
export async function cursorAt(url: string, headers: Record<string, string>, rows: number): Promise<string> {
  let seen = 0;
  let cursor: string | null = null;
  while (seen < rows) {
    const sep = url.includes('?') ? '&' : '?';
    const res = await fetch(cursor ? `${url}${sep}cursor=${encodeURIComponent(cursor)}` : url, { headers });
    if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
    const page = (await res.json()) as { items: unknown[]; nextCursor: string | null };
    seen += page.items.length;
    if (!page.nextCursor) throw new Error(`${url} ended after ${seen} rows, before ${rows}`);
    cursor = page.nextCursor;
  }
  return cursor!;
}
