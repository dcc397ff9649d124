import { describe, expect, it } from 'vitest';
import { backgroundPace } from './pace.js';

/** A clock that moves only when told to or when slept on, recording each rest. */
function manualClock() {
  let now = 0;
  const rests: number[] = [];
  return {
    rests,
    work: (ms: number) => (now += ms),
    clock: {
      now: () => now,
      sleep: (ms: number) => {
        rests.push(ms);
        now += ms;
        return Promise.resolve();
      },
    },
  };
}

describe('background pacing', () => {
  it('rests after each step in proportion to its length, keeping the loop to its share of the time', async () => {
    const m = manualClock();
    const pace = backgroundPace(0.5, m.clock);
    m.work(20);
    await pace();
    m.work(6);
    await pace();
    expect(m.rests).toEqual([20, 6]);

    const quarter = backgroundPace(0.25, m.clock);
    m.work(10);
    await quarter();
    expect(m.rests.at(-1)).toBe(30);
  });

  it('never rests for more than a second, nor at all after no work', async () => {
    const m = manualClock();
    const pace = backgroundPace(0.5, m.clock);
    m.work(5_000);
    await pace();
    await pace();
    expect(m.rests).toEqual([1_000]);
  });
});
