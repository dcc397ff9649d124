import { isCommonPassword } from './common-passwords.js';

/**
 * The cheap password rules: length, the common-password list and the person's own email
 * and name. They run everywhere synchronously (form validation, request schemas); the
 * guessability estimate that needs dictionaries lives in password-strength.ts.
 */

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Stable identifiers of why a password is refused, sent as the field error's `code`. */
export const PASSWORD_PROBLEM_CODES = [
  'password.too_short',
  'password.too_long',
  'password.too_common',
  'password.contains_email',
  'password.contains_name',
  'password.too_weak',
  'password.weak_pattern',
] as const;
export type PasswordProblemCode = (typeof PASSWORD_PROBLEM_CODES)[number];

/** Why a password is refused: a message code of the catalogue (common/messages), and its figures. */
export interface PasswordProblem {
  code: PasswordProblemCode;
  params?: { min?: number; max?: number; reason?: string };
}

/** Whose password it is: their email and name must not be (in) it. */
export interface PasswordOwner {
  email?: string | null;
  name?: string | null;
}

/** Parts shorter than this are too likely to appear in a password by chance to refuse them. */
const MIN_PART_LENGTH = 4;

const normalise = (s: string) => s.normalize('NFKC').toLowerCase();

/** The email, its local part and the words in it (`anna.smith` gives anna, smith). */
function emailParts(email: string): string[] {
  const local = normalise(email).split('@')[0] ?? '';
  return [normalise(email), local, ...local.split(/[^\p{L}\p{N}]+/u)];
}

/** The name with and without spaces, and each word of it. */
function nameParts(name: string): string[] {
  const n = normalise(name).trim();
  const words = n.split(/[^\p{L}\p{N}]+/u);
  return [n, words.join(''), ...words];
}

const containsAny = (password: string, parts: string[]) => parts.some((part) => part.length >= MIN_PART_LENGTH && password.includes(part));

/** Length and the common-password list: what needs no knowledge of the owner. */
export function basicPasswordProblem(password: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return { code: 'password.too_short', params: { min: PASSWORD_MIN_LENGTH } };
  if (password.length > PASSWORD_MAX_LENGTH) return { code: 'password.too_long', params: { max: PASSWORD_MAX_LENGTH } };
  if (isCommonPassword(password)) return { code: 'password.too_common' };
  return null;
}

/** The owner's email or name, or a part of either, inside the password (ignoring case). */
export function personalPasswordProblem(password: string, owner: PasswordOwner): PasswordProblem | null {
  const p = normalise(password);
  if (owner.email && containsAny(p, emailParts(owner.email))) {
    return { code: 'password.contains_email' };
  }
  if (owner.name && containsAny(p, nameParts(owner.name))) {
    return { code: 'password.contains_name' };
  }
  return null;
}

/** Words a guesser would try first for this person, for the strength estimate. */
export function ownerWords(owner: PasswordOwner): string[] {
  const words = [...(owner.email ? [...emailParts(owner.email), ...normalise(owner.email).split(/[@.]/)] : [])];
  if (owner.name) words.push(...nameParts(owner.name));
  return [...new Set(words.filter((w) => w.length > 0))];
}
