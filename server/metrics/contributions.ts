import type { Registry } from 'prom-client';

/** A queue's backlog at scrape time. */
export interface QueueStats {
  /** Items waiting to be processed. */
  depth: number;
  /** How long the oldest waiting item has waited, in seconds (0 when none waits). */
  oldestAgeSeconds: number;
}

/** A queue a module owns (email outbox, webhook deliveries…), read on every scrape. */
export interface QueueProbe {
  /** The `queue` label value: a fixed, short name. */
  queue: string;
  read(): Promise<QueueStats>;
}

/**
 * What a module adds to `/metrics`, returned as `metrics` from its face. Queues appear as
 * `liaison_queue_depth` and `liaison_queue_oldest_age_seconds` by `queue`; anything else a
 * module measures it registers itself on the app's registry (prom-client, a `collect`
 * function for values read on scrape). Nothing is built when metrics are off.
 */
export interface ModuleMetrics {
  queues?: readonly QueueProbe[];
  register?(registry: Registry): void;
}

/** A backlog's stats from its size and its oldest item's time, as of `now`. */
export function queueStatsOf(backlog: { count: number; oldest: string | null }, now: Date): QueueStats {
  const age = backlog.oldest ? (now.getTime() - Date.parse(backlog.oldest)) / 1000 : 0;
  return { depth: backlog.count, oldestAgeSeconds: Math.max(0, age) };
}
