import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ModuleMetrics, QueueProbe } from './contributions.js';

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const QUERY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5];

/**
 * The app's own registry and instruments. One per app, never prom-client's global registry:
 * tests build many apps in one process and each must count only its own work.
 */
export function createInstruments() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    // Its _count is the request count: one observe per response, no separate counter.
    http: new Histogram({
      name: 'liaison_http_request_duration_seconds',
      help: 'HTTP requests by route template, method and status, with their duration',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: HTTP_BUCKETS,
      registers: [registry],
    }),
    queries: new Histogram({
      name: 'liaison_db_query_duration_seconds',
      help: 'Database queries by kind (select, insert, update, delete, other) and outcome (ok, error)',
      labelNames: ['operation', 'outcome'] as const,
      buckets: QUERY_BUCKETS,
      registers: [registry],
    }),
    jobRuns: new Counter({
      name: 'liaison_job_runs_total',
      help: 'Scheduled job runs this instance did, by job and status (done, failed)',
      labelNames: ['job', 'status'] as const,
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'liaison_job_run_duration_seconds',
      help: 'How long scheduled job runs took on this instance, by job',
      labelNames: ['job'] as const,
      buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900],
      registers: [registry],
    }),
    jobLastSuccess: new Gauge({
      name: 'liaison_job_last_success_timestamp_seconds',
      help: 'When each scheduled job last completed a period, on any instance (Unix time; 0: never)',
      labelNames: ['job'] as const,
      registers: [registry],
    }),
    signInFailures: new Counter({
      name: 'liaison_sign_in_failures_total',
      help: 'Refused sign-in steps (password, second_factor) on this instance',
      labelNames: ['step'] as const,
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: 'liaison_queue_depth',
      help: 'Items waiting in a queue (email, webhooks…), shared by all instances',
      labelNames: ['queue'] as const,
      registers: [registry],
    }),
    queueAge: new Gauge({
      name: 'liaison_queue_oldest_age_seconds',
      help: 'How long the oldest waiting item of a queue has waited, in seconds',
      labelNames: ['queue'] as const,
      registers: [registry],
    }),
  };
}

export type Instruments = ReturnType<typeof createInstruments>;

/** Pool gauges read on scrape (PostgreSQL only: SQLite has one connection and no pool). */
export function registerPoolGauges(registry: Registry, read: () => { total: number; idle: number; waiting: number } | null): void {
  const gauge = (name: string, help: string, pick: (s: { total: number; idle: number; waiting: number }) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const stats = read();
        if (stats) this.set(pick(stats));
      },
    });
  gauge('liaison_db_pool_connections', 'Open connections in the database pool', (s) => s.total);
  gauge('liaison_db_pool_idle_connections', 'Open connections in the pool not in use', (s) => s.idle);
  gauge('liaison_db_pool_waiting_requests', 'Queries waiting for a free pool connection', (s) => s.waiting);
}

/** Sets both queue gauges from every module's probes; called before each scrape (one read per queue). */
export async function refreshQueues(instruments: Instruments, probes: readonly QueueProbe[]): Promise<void> {
  await Promise.all(
    probes.map(async (probe) => {
      const stats = await probe.read();
      instruments.queueDepth.set({ queue: probe.queue }, stats.depth);
      instruments.queueAge.set({ queue: probe.queue }, stats.oldestAgeSeconds);
    }),
  );
}

/** Every queue the modules contribute. */
export const queuesOf = (contributions: readonly ModuleMetrics[]) => contributions.flatMap((c) => c.queues ?? []);
