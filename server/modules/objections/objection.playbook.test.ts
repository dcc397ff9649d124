import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { answerKeyOf, normaliseAnswer, rankAnswers, wilsonLowerBound, type AnswerTally } from './objection.playbook.js';

describe('the Wilson score lower bound', () => {
  it.each([
    [0, 0, 0],
    [0, 1, 0],
    [1, 1, 0.2065],
    [3, 4, 0.3006],
    [4, 4, 0.5101],
    [5, 10, 0.2366],
    [50, 100, 0.4038],
    [90, 100, 0.8256],
  ])('of %i won in %i is %f', (won, n, bound) => {
    expect(wilsonLowerBound(won, n)).toBeCloseTo(bound, 4);
  });

  it('lies between 0 and the observed rate, and grows with more evidence at the same rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), (n, w0) => {
        const w = w0 % (n + 1);
        const b = wilsonLowerBound(w, n);
        expect(b).toBeGreaterThanOrEqual(-1e-12);
        expect(b).toBeLessThanOrEqual(w / n + 1e-12);
        expect(wilsonLowerBound(2 * w, 2 * n)).toBeGreaterThanOrEqual(b - 1e-12);
      }),
    );
  });
});

describe('answers as the playbook compares them', () => {
  it('ignores case, spacing and trailing punctuation', () => {
    expect(normaliseAnswer('  We can  PHASE the work.  ')).toBe('we can phase the work');
    expect(answerKeyOf('We can phase the work!')).toBe(answerKeyOf('we can phase   the work'));
    expect(answerKeyOf('We can phase the work')).not.toBe(answerKeyOf('We can phase the job'));
    expect(answerKeyOf('x')).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('ranking', () => {
  const tally = (key: string, won: number, closed: number, lastUsedAt = '2026-01-01T00:00:00.000Z'): AnswerTally => ({
    key,
    response: key,
    uses: closed + 1,
    closed,
    won,
    lastUsedAt,
  });

  it('orders by the bound, then by closed deals, then by the latest use, the pinned answer first', () => {
    const ranked = rankAnswers(
      [
        tally('one-of-one', 1, 1),
        tally('three-of-four', 3, 4),
        tally('never-closed', 0, 0),
        tally('older-tie', 1, 2, '2026-01-01T00:00:00.000Z'),
        tally('newer-tie', 1, 2, '2026-02-01T00:00:00.000Z'),
      ],
      null,
    );
    expect(ranked.map((a) => a.id)).toEqual(['three-of-four', 'one-of-one', 'newer-tie', 'older-tie', 'never-closed']);
    const pinned = rankAnswers([tally('a', 3, 4), tally('b', 0, 3)], { key: 'b', response: 'Pinned words' });
    expect(pinned.map((a) => [a.id, a.pinned, a.response])).toEqual([
      ['b', true, 'Pinned words'],
      ['a', false, 'a'],
    ]);
    const fresh = rankAnswers([tally('a', 3, 4)], { key: 'new', response: 'Never said yet' });
    expect(fresh[0]).toMatchObject({ id: 'new', pinned: true, closed: 0, uses: 0 });
  });
});
