/** The report's arithmetic, pure: NPS, averages, shares and the Pareto's cumulative percent. */

/** Rounds to `places` decimals, halves away from zero (the report's one rounding rule). */
export function roundHalfAway(value: number, places = 0): number {
  const f = 10 ** places;
  const r = Math.round(Math.abs(value) * f) / f;
  return value < 0 ? -r : r;
}

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/**
 * NPS = % promoters − % detractors, an integer from −100 to 100 rounded to the nearest (halves
 * away from zero: 12.5 → 13, −12.5 → −13); null when nobody answered, since 0 is a score.
 */
export function npsOf(c: NpsCounts) {
  const responses = c.promoters + c.passives + c.detractors;
  const nps = responses === 0 ? null : roundHalfAway(((c.promoters - c.detractors) * 100) / responses);
  return { ...c, responses, nps: nps === 0 ? 0 : nps };
}

/** The mean of `total` over `responses` to two decimals; null for none. */
export const averageOf = (total: number, responses: number): number | null =>
  responses === 0 ? null : roundHalfAway(total / responses, 2);

/** Items by count, most first (then by name), each with the running share of the total in percent to one decimal. */
export function pareto<T extends { name: string; claims: number }>(items: T[]): (T & { cumulativePercent: number })[] {
  const sorted = [...items].sort((a, b) => b.claims - a.claims || a.name.localeCompare(b.name));
  const total = sorted.reduce((s, i) => s + i.claims, 0);
  let running = 0;
  return sorted.map((i) => {
    running += i.claims;
    return { ...i, cumulativePercent: total === 0 ? 0 : roundHalfAway((running * 100) / total, 1) };
  });
}
