import { createHash } from 'node:crypto';
import type { PlaybookAnswer } from '../../../common/schemas/objection.js';

/*
 * The playbook's rule. Each distinct answer of a category (its words normalised, or the playbook
 * answer it was picked from) has n = objections with that answer whose deal is closed and w = of
 * those, the ones whose deal was won; open deals are not counted, their outcome being unknown.
 * Answers rank by the Wilson score lower bound of w / n at 95% (z = 1.96): the win rate the
 * answer has at least, given how few deals it was tried on, so 3 won of 4 (0.30) ranks above 1
 * of 1 (0.21). Ties go to the answer tried on more closed deals, then to the one used last. An
 * answer an admin pinned comes first whatever its numbers.
 */

const Z = 1.96;

/** Wilson score interval's lower bound for `won` successes in `n` trials; 0 when there are none. */
export function wilsonLowerBound(won: number, n: number, z = Z): number {
  if (n <= 0) return 0;
  const p = won / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return (centre - margin) / (1 + z2 / n);
}

/** An answer's words as the playbook compares them: case, spacing and trailing punctuation aside. */
export function normaliseAnswer(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .replace(/\s+/g, ' ')
    .replace(/[\s.!…]+$/u, '')
    .trim();
}

/** The id of the answer these words are: a hash of their normal form (short enough to index, the same on both databases). */
export const answerKeyOf = (text: string): string => createHash('sha256').update(normaliseAnswer(text)).digest('hex').slice(0, 32);

/** One answer's aggregate, as the repository counts it. */
export interface AnswerTally {
  key: string;
  response: string;
  uses: number;
  closed: number;
  won: number;
  lastUsedAt: string | null;
}

/** The answers in the playbook's order, the pinned one (if any) first. */
export function rankAnswers(tallies: AnswerTally[], pinned: { key: string; response: string } | null): PlaybookAnswer[] {
  const scored = tallies.map((t): PlaybookAnswer => ({
    id: t.key,
    response: t.response,
    pinned: false,
    won: t.won,
    closed: t.closed,
    uses: t.uses,
    score: wilsonLowerBound(t.won, t.closed),
    lastUsedAt: t.lastUsedAt,
  }));
  scored.sort((a, b) => b.score - a.score || b.closed - a.closed || (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? ''));
  if (!pinned) return scored;
  const own = scored.find((a) => a.id === pinned.key);
  const first: PlaybookAnswer = own
    ? { ...own, response: pinned.response, pinned: true }
    : { id: pinned.key, response: pinned.response, pinned: true, won: 0, closed: 0, uses: 0, score: 0, lastUsedAt: null };
  return [first, ...scored.filter((a) => a.id !== pinned.key)];
}
