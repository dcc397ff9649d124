import type { Kysely } from 'kysely';
import type { Language, Role } from '../../../common/enums.js';

/** The active user a session or an API token stands for. */
export interface AuthenticatedUser {
  id: string;
  role: Role;
  account_id: string | null;
  language: Language;
}

/**
 * How long an API token, once resolved, is trusted without asking the database again. A
 * revocation, a deactivation or a role change made through this instance takes effect at once
 * (it empties the cache); made through another instance, within this delay.
 */
export const TOKEN_CACHE_MS = 5_000;

/** Beyond this many live entries the cache starts again empty, so it stays small. */
const MAX_ENTRIES = 10_000;

/**
 * Bearer tokens resolved in the last few seconds, by the token's hash: an API client's burst
 * of requests costs one lookup instead of one each. Only valid tokens are kept, so a new token
 * works at once everywhere.
 */
export class TokenCache {
  private readonly entries = new Map<string, { user: AuthenticatedUser; until: number }>();
  private generation = 0;

  get(hash: string, nowMs: number): AuthenticatedUser | null {
    const entry = this.entries.get(hash);
    if (!entry) return null;
    if (entry.until > nowMs) return entry.user;
    this.entries.delete(hash);
    return null;
  }

  /** Marks the start of a database lookup whose answer may be kept. */
  begin(): number {
    return this.generation;
  }

  /** Keeps a lookup's answer, unless the cache was emptied since it began (the answer may be stale). */
  keep(hash: string, user: AuthenticatedUser, nowMs: number, began: number): void {
    if (began !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(hash, { user, until: nowMs + TOKEN_CACHE_MS });
  }

  /** Forgets every token: call after a change to tokens or users commits. */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

const caches = new WeakMap<Kysely<any>, TokenCache>();

/**
 * The token cache of everything built on this database handle (one per app instance), so that
 * the services that revoke tokens or change users reach the cache the sign-in path reads.
 */
export function tokenCacheOf(db: Kysely<any>): TokenCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new TokenCache();
    caches.set(db, cache);
  }
  return cache;
}
