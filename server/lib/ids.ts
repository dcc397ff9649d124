import { createHash, randomBytes } from 'node:crypto';
import { v7 } from 'uuid';

/** A new opaque, time-ordered record id. */
export const newId = (): string => v7();

/** A random secret for cookies and tokens, URL-safe. */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** SHA-256 of a high-entropy secret, for storing session ids and API tokens. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
