import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../lib/clock.js';
import type { WebhookDispatcher } from './webhook.dispatcher.js';

/** The furthest ahead the loop sets itself a wake-up for a retry; later ones are the periodic job's. */
const MAX_WAIT_MS = 60 * 60_000;
/** When an outbox writer was still in flight (PostgreSQL), the loop looks again after this, doubling up to the max. */
const SETTLE_MS = 50;
const SETTLE_MAX_MS = 5_000;

/**
 * Sends webhooks promptly from this instance: a change writing to the outbox wakes the loop,
 * which gives the events out and sends them at once rather than at the job runner's next tick,
 * then sets itself a wake-up for the next retry due. The periodic job stays the safety net
 * (events of other instances, a crash, a round that failed); both may run together, since the
 * dispatcher claims each attempt before sending it. Off until started (by the server, not by
 * API tests unless they ask), like the job runner.
 */
export class DeliveryLoop {
  private started = false;
  private again = false;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** When the loop wakes by itself next, for the retry due then (null: no wake-up set). */
  wakeAt: Date | null = null;

  constructor(
    private readonly dispatcher: WebhookDispatcher,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    this.started = true;
    this.wake();
  }

  /** Stops waking and waits for a round in progress to finish. */
  async stop(): Promise<void> {
    this.started = false;
    this.clearTimer();
    await this.idle();
  }

  /** A round soon: at once when idle, else right after the current one. Nothing until started. */
  wake(): void {
    if (!this.started) return;
    this.again = true;
    this.running ??= this.drain().finally(() => (this.running = null));
  }

  /** Resolves once no round is running or asked for. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    // The writer that woke us is still in its transaction: let it go on.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      let unsettled = 0;
      while (this.again && this.started) {
        this.again = false;
        const { settled } = await this.dispatcher.round();
        if (settled) unsettled = 0;
        else {
          // A writer was still in its transaction: look again shortly, less often the longer it lasts.
          unsettled += 1;
          await new Promise((resolve) => setTimeout(resolve, Math.min(SETTLE_MAX_MS, SETTLE_MS * 2 ** (unsettled - 1))));
          this.again = true;
        }
      }
      await this.scheduleNext();
    } catch (err) {
      // No wake-up set: the periodic job takes over rather than the loop retrying at once.
      this.log.warn({ err }, 'webhook delivery round failed; the periodic job will retry');
    }
  }

  /** Sets the loop's own wake-up for the next retry due (the periodic job has those further off). */
  private async scheduleNext(): Promise<void> {
    this.clearTimer();
    const due = this.started ? await this.dispatcher.nextDueAt() : null;
    if (!due) return;
    const wait = Math.max(0, due.getTime() - this.clock.now().getTime());
    if (wait > MAX_WAIT_MS) return;
    this.wakeAt = due;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.wakeAt = null;
      this.wake();
    }, wait);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.wakeAt = null;
  }
}
