import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import {
  basicPasswordProblem,
  ownerWords,
  PASSWORD_MESSAGES,
  personalPasswordProblem,
  type PasswordOwner,
  type PasswordProblem,
} from './password-rules.js';

/**
 * Every password rule, including zxcvbn's estimate of how easily the password is guessed.
 * The dictionaries weigh about a megabyte: the server imports this module directly, the web
 * app only through a dynamic import, so the first page load does not carry them.
 */

/** zxcvbn's score from 0 to 4; 3 means about 10^8 guesses, out of reach of online guessing. */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | null = null;

/** Ranking the dictionaries takes ~100 ms, so it happens once, on first use. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEn.translations,
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
  return { code: 'password.too_weak', message: result.feedback.warning ?? PASSWORD_MESSAGES.tooWeak };
}
