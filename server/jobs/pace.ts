import { setTimeout as sleep } from 'node:timers/promises';

/** The longest single rest: a step that ran long never stalls the loop for more than this. */
const MAX_REST_MS = 1_000;

/**
 * Keeps a background loop (a thousand status reports at once) to `share` of the time: each call
 * rests in proportion to how long the step since the previous call took, so requests that
 * arrive meanwhile find the event loop and the database free. The run takes longer; answers
 * to people do not.
 */
export function backgroundPace(
  share: number,
  clock: { now(): number; sleep(ms: number): Promise<unknown> } = { now: () => performance.now(), sleep },
): () => Promise<void> {
  let since = clock.now();
  return async () => {
    const worked = clock.now() - since;
    const rest = Math.min(MAX_REST_MS, (worked * (1 - share)) / share);
    if (rest > 0) await clock.sleep(rest);
    since = clock.now();
  };
}
