import autocannon from 'autocannon';

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const WARMUP_SECONDS = 1;

export interface Measurement {
  rps: number;
  p99: number;
  /** CPU time of the server process per request, in µs: far less sensitive to busy neighbours than req/s. */
  cpuPerRequest: number;
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
}

const run = (s: Side, duration: number) => autocannon({ url: s.url, headers: s.headers, connections: CONNECTIONS, duration });

/**
 * Measures each side SECONDS in all, after a warm-up; `serverCpu` reads the CPU time (µs) the
 * servers' process has used so far.
 */
export async function compare(sides: Side[], serverCpu: () => Promise<number>): Promise<Measurement[]> {
  for (const s of sides) await run(s, WARMUP_SECONDS);
  const slices = sides.map(() => [] as Slice[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, s] of sides.entries()) {
      const before = await serverCpu();
      const result = await run(s, SECONDS / ROUNDS);
      slices[i].push({ result, cpu: (await serverCpu()) - before });
    }
  }
  const sum = (xs: Slice[], f: (x: Slice) => number) => xs.reduce((n, x) => n + f(x), 0);
  return slices.map((xs) => ({
    rps: sum(xs, (x) => x.result.requests.total) / sum(xs, (x) => x.result.duration),
    p99: Math.max(...xs.map((x) => x.result.latency.p99)),
    cpuPerRequest: sum(xs, (x) => x.cpu) / sum(xs, (x) => x.result.requests.total),
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
