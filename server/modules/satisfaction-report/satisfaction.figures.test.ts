import { describe, expect, it } from 'vitest';
import { averageOf, npsOf, pareto } from './satisfaction.figures.js';

describe('NPS arithmetic', () => {
  it('is % promoters − % detractors, halves rounded away from zero', () => {
    expect(npsOf({ promoters: 3, passives: 3, detractors: 2 }).nps).toBe(13); // 12.5
    expect(npsOf({ promoters: 2, passives: 3, detractors: 3 }).nps).toBe(-13); // −12.5
    expect(npsOf({ promoters: 1, passives: 1, detractors: 1 }).nps).toBe(0);
    expect(npsOf({ promoters: 2, passives: 0, detractors: 1 }).nps).toBe(33); // 33.3
  });

  it('takes one answer whole and has no score without answers', () => {
    expect(npsOf({ promoters: 0, passives: 0, detractors: 1 })).toEqual({
      promoters: 0,
      passives: 0,
      detractors: 1,
      responses: 1,
      nps: -100,
    });
    expect(npsOf({ promoters: 0, passives: 1, detractors: 0 }).nps).toBe(0);
    expect(npsOf({ promoters: 0, passives: 0, detractors: 0 }).nps).toBeNull();
  });

  it('averages CSAT to two decimals, none for no answers', () => {
    expect(averageOf(10, 3)).toBe(3.33);
    expect(averageOf(5, 1)).toBe(5);
    expect(averageOf(0, 0)).toBeNull();
  });
});

describe('the Pareto order', () => {
  it('puts the most frequent first, ties by name, with the running percent ending at 100', () => {
    const items = pareto([
      { name: 'b', claims: 1 },
      { name: 'c', claims: 5 },
      { name: 'a', claims: 1 },
      { name: 'd', claims: 2 },
    ]);
    expect(items.map((i) => [i.name, i.cumulativePercent])).toEqual([
      ['c', 55.6],
      ['d', 77.8],
      ['a', 88.9],
      ['b', 100],
    ]);
    expect(pareto([])).toEqual([]);
  });
});
