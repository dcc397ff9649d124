/** Robust comparisons of measurements for tests that must not depend on a fixed number of milliseconds. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Shuffles in place (Fisher–Yates). */
export function shuffle<T>(items: T[], random: () => number = Math.random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * A two-sided permutation test of the difference of medians: how often randomly relabelling
 * the pooled measurements gives a difference at least as large as the one observed. A small
 * p-value means the two groups differ by more than their own spread explains.
 */
export function medianPermutationTest(a: readonly number[], b: readonly number[], rounds = 5000, random: () => number = Math.random) {
  const observed = Math.abs(median(a) - median(b));
  const pooled = [...a, ...b];
  let asLarge = 0;
  for (let r = 0; r < rounds; r++) {
    shuffle(pooled, random);
    if (Math.abs(median(pooled.slice(0, a.length)) - median(pooled.slice(a.length))) >= observed) asLarge += 1;
  }
  return { observed, p: (asLarge + 1) / (rounds + 1) };
}
