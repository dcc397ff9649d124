import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import { basicPasswordProblem, ownerWords, personalPasswordProblem, type PasswordOwner, type PasswordProblem } from './password-rules.js';

/**
 * Every password rule, including zxcvbn's estimate of how easily the password is guessed.
 * The dictionaries weigh about a megabyte: the server imports this module directly, the web
 * app only through a dynamic import, so the first page load does not carry them.
 */

/** zxcvbn's score from 0 to 4; 3 means about 10^8 guesses, out of reach of online guessing. */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | null = null;

/** `{ straightRow: 'straightRow', … }`: each warning answers its own key. */
const keysAsValues = <T extends Record<string, string>>(texts: T): T =>
  Object.fromEntries(Object.keys(texts).map((key) => [key, key])) as T;

/** Ranking the dictionaries takes ~100 ms, so it happens once, on first use. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    // Warnings come back as their keys (e.g. `simpleRepeat`), which the message catalogue words in each language.
    translations: { ...zxcvbnEn.translations, warnings: keysAsValues(zxcvbnEn.translations.warnings) },
  });
  return estimator;
}

/** zxcvbn's score (0–4) of the password for this owner. */
export function passwordScore(password: string, owner: PasswordOwner = {}): number {
  return zxcvbn().check(password, ownerWords(owner)).score;
}

/** Why the password is refused for this owner, or null when it may be used. */
export function passwordProblem(password: string, owner: PasswordOwner = {}): PasswordProblem | null {
  const simple = basicPasswordProblem(password) ?? personalPasswordProblem(password, owner);
  if (simple) return simple;
  const result = zxcvbn().check(password, ownerWords(owner));
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const reason = result.feedback.warning;
  return reason ? { code: 'password.weak_pattern', params: { reason } } : { code: 'password.too_weak' };
}
