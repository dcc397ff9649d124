import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { onQuery, poolStats } from '../db/observe.js';
import type { JobService } from '../jobs/job.service.js';
import { metricsAccess, type MetricsAccessOptions } from '../metrics/access.js';
import type { ModuleMetrics } from '../metrics/contributions.js';
import { createInstruments, queuesOf, refreshQueues, registerPoolGauges, type Instruments } from '../metrics/instruments.js';

export interface MetricsSources {
  db: Database;
  jobs: JobService;
  /** The auth module's hook for refused sign-in steps. */
  onSignInFailed(listener: (step: 'password' | 'second_factor') => void): void;
  /** What the modules contribute (queues, their own collectors). */
  contributions: readonly ModuleMetrics[];
}

/**
 * `GET /metrics` in Prometheus text format, for callers from METRICS_ALLOW networks or with
 * METRICS_TOKEN as a bearer token. Anyone else gets the same 404 as an unknown address, so the
 * endpoint does not announce itself; with neither setting nothing is registered or measured.
 */
export async function registerMetrics(app: FastifyInstance, access: MetricsAccessOptions, sources: MetricsSources): Promise<void> {
  const allowed = metricsAccess(access);
  if (!allowed) return;
  const m = createInstruments();
  observeRequests(app, m);
  observeSources(app, m, sources);
  const queues = queuesOf(sources.contributions);
  for (const c of sources.contributions) c.register?.(m.registry);

  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (!allowed(req.ip, req.headers.authorization)) return reply.callNotFound();
    // Values kept in the database are read now; a failing read leaves the last values and is logged.
    const reads = await Promise.allSettled([refreshQueues(m, queues), refreshJobSuccesses(m, sources.jobs)]);
    for (const r of reads) if (r.status === 'rejected') req.log.warn({ err: r.reason as Error }, 'a metrics read failed');
    return reply
      .type(m.registry.contentType)
      .header('cache-control', 'no-store')
      .send(await m.registry.metrics());
  });
  app.addHook('onClose', async () => m.registry.clear());
}

/** One observe per response, labelled by the route's template (never the raw URL: bounded label values). */
function observeRequests(app: FastifyInstance, m: Instruments): void {
  // A callback hook: no promise per response.
  app.addHook('onResponse', (req, reply, done) => {
    m.http.observe({ route: req.routeOptions.url ?? 'unmatched', method: req.method, status: reply.statusCode }, reply.elapsedTime / 1000);
    done();
  });
}

function observeSources(app: FastifyInstance, m: Instruments, s: MetricsSources): void {
  const stopQueries = onQuery(s.db, (e) =>
    m.queries.observe({ operation: e.operation, outcome: e.failed ? 'error' : 'ok' }, e.durationSeconds),
  );
  app.addHook('onClose', async () => stopQueries());
  if (poolStats(s.db)) registerPoolGauges(m.registry, () => poolStats(s.db));

  // Every series exists from the start at 0, so rates and alerts see it before the first event.
  for (const def of s.jobs.definitions()) for (const status of ['done', 'failed']) m.jobRuns.inc({ job: def.name, status }, 0);
  s.jobs.observe((e) => {
    m.jobRuns.inc({ job: e.job, status: e.status });
    m.jobDuration.observe({ job: e.job }, e.durationSeconds);
  });
  for (const step of ['password', 'second_factor']) m.signInFailures.inc({ step }, 0);
  s.onSignInFailed((step) => m.signInFailures.inc({ step }));
}

async function refreshJobSuccesses(m: Instruments, jobs: JobService): Promise<void> {
  for (const { name, at } of await jobs.lastSuccesses()) m.jobLastSuccess.set({ job: name }, at ? Date.parse(at) / 1000 : 0);
}
