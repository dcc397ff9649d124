import type { FastifyBaseLogger } from 'fastify';
import type { JobService } from './job.service.js';

/** Polls for due jobs on a timer; started by server/main.ts, never by API tests unless they ask. */
export class JobRunner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly jobs: JobService,
    private readonly log: FastifyBaseLogger,
    private readonly pollMs = 30_000,
  ) {}

  start(): void {
    if (this.timer) return;
    this.log.info({ instance: this.jobs.instanceId, jobs: this.jobs.definitions().map((d) => d.name) }, 'job runner started');
    const tick = () => {
      if (this.running) return; // a long run is still going; the next tick catches up
      this.running = this.jobs
        .runDue()
        .catch((err) => this.log.error({ err }, 'job runner tick failed'))
        .finally(() => (this.running = null));
    };
    this.timer = setInterval(tick, this.pollMs);
    this.timer.unref();
    tick();
  }

  /** Stops polling and waits for a run in progress to finish. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}

/** "Every N minutes" as a sortable period key: the count of N-minute slots since the epoch. */
export function everyMinutes(minutes: number) {
  return async (now: Date): Promise<string> => String(Math.floor(now.getTime() / (minutes * 60_000))).padStart(12, '0');
}
