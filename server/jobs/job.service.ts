import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import { JobStore } from './job.store.js';

/** A unit of scheduled work, run once per period across all instances. */
export interface JobDefinition {
  name: string;
  /**
   * The period due now — e.g. today's date once the daily hour has passed — or null when
   * nothing is due. Keys must sort in time order as text (dates, zero-padded numbers).
   */
  dueKey(now: Date): Promise<string | null>;
  /** Does the work of one period; what it returns is kept as the period's result. */
  run(key: string): Promise<Record<string, unknown>>;
  /** How long an instance holds the job before others may take over (renewed while running). */
  leaseMs?: number;
  /** How long after a failure before the job is tried again. */
  retryDelayMs?: number;
}

export type JobOutcome =
  | { status: 'done'; result: Record<string, unknown> }
  | { status: 'already_done'; result: Record<string, unknown> | null }
  | { status: 'busy' }
  | { status: 'failed'; error: string };

/** A run this instance did, told to observers (metrics) once it ended; durations are wall time, not the clock's. */
export interface JobRunEvent {
  job: string;
  status: 'done' | 'failed';
  durationSeconds: number;
}

const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_RETRY_MS = 5 * 60_000;

/** Runs registered jobs with exactly-once completion per period, on SQLite or a shared PostgreSQL. */
export class JobService {
  private readonly store: JobStore;
  private readonly jobs = new Map<string, JobDefinition>();
  private readonly observers: Array<(event: JobRunEvent) => void> = [];

  constructor(
    db: Database,
    private readonly clock: Clock,
    readonly instanceId: string = newId(),
    private readonly log?: FastifyBaseLogger,
  ) {
    this.store = new JobStore(db);
  }

  register(...defs: JobDefinition[]): void {
    for (const d of defs) this.jobs.set(d.name, d);
  }

  /** Tells `observer` of every run this instance does (not of periods skipped as done or busy). */
  observe(observer: (event: JobRunEvent) => void): void {
    this.observers.push(observer);
  }

  private ended(job: string, status: JobRunEvent['status'], startedAt: number): void {
    const event = { job, status, durationSeconds: (performance.now() - startedAt) / 1000 };
    for (const observer of this.observers) observer(event);
  }

  /** When each job last completed a period, on any instance (null: never). */
  lastSuccesses(): Promise<Array<{ name: string; at: string | null }>> {
    return this.store.lastSuccesses();
  }

  definitions(): JobDefinition[] {
    return [...this.jobs.values()];
  }

  /**
   * Runs the job for `key` unless that period is already done (answers its result) or
   * another instance holds the lease (busy). The lease is renewed while the work runs.
   */
  async run(name: string, key: string): Promise<JobOutcome> {
    const def = this.jobs.get(name);
    if (!def) throw new Error(`No job named ${name}`);
    const leaseMs = def.leaseMs ?? DEFAULT_LEASE_MS;
    await this.store.ensure(name);
    const now = this.clock.now();
    if (!(await this.store.claim(name, key, this.instanceId, now.toISOString(), new Date(now.getTime() + leaseMs).toISOString()))) {
      const row = await this.store.get(name);
      if (row?.last_key && row.last_key >= key)
        return { status: 'already_done', result: row.last_result ? (JSON.parse(row.last_result) as Record<string, unknown>) : null };
      return { status: 'busy' };
    }
    const runId = await this.store.logStart(name, key, this.instanceId, now.toISOString());
    const heartbeat = setInterval(
      () => {
        const until = new Date(this.clock.now().getTime() + leaseMs).toISOString();
        this.store.renew(name, this.instanceId, until).catch((err) => this.log?.warn({ err, job: name }, 'lease renewal failed'));
      },
      Math.max(1000, leaseMs / 3),
    );
    heartbeat.unref();
    const startedAt = performance.now();
    try {
      const result = await def.run(key);
      const end = this.clock.now().toISOString();
      if (!(await this.store.complete(name, key, this.instanceId, end, result))) {
        this.log?.warn({ job: name, key }, 'job finished after its lease was taken over; its work is idempotent per period');
      }
      await this.store.logEnd(runId, end, 'done', JSON.stringify(result));
      this.ended(name, 'done', startedAt);
      return { status: 'done', result };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.log?.error({ err, job: name, key }, 'job failed');
      const end = this.clock.now();
      await this.store.fail(
        name,
        this.instanceId,
        end.toISOString(),
        new Date(end.getTime() + (def.retryDelayMs ?? DEFAULT_RETRY_MS)).toISOString(),
        message,
      );
      await this.store.logEnd(runId, end.toISOString(), 'failed', message);
      this.ended(name, 'failed', startedAt);
      return { status: 'failed', error: message };
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Runs every job whose period is due now; what one runner tick does. */
  async runDue(): Promise<Array<{ name: string; key: string; outcome: JobOutcome }>> {
    const ran = [];
    for (const def of this.jobs.values()) {
      const key = await def.dueKey(this.clock.now());
      if (key) ran.push({ name: def.name, key, outcome: await this.run(def.name, key) });
    }
    return ran;
  }
}
