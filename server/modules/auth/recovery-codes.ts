import { randomInt } from 'node:crypto';
import { sha256 } from '../../lib/ids.js';

export const RECOVERY_CODE_COUNT = 10;

// No 0/o, 1/l/i: codes are read off paper and typed by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const LENGTH = 10; // about 50 bits each

/** Ten new codes as the user sees them, `xxxxx-xxxxx`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** How a typed code is stored and looked up: case, spaces and dashes do not matter. */
export const hashRecoveryCode = (code: string): string => sha256(code.toLowerCase().replace(/[^a-z0-9]/g, ''));
