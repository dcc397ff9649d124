import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { SettingsRepository } from './settings.repository.js';

/**
 * How long a setting read through `cached` is answered from memory. A change made through this
 * instance applies to the very next read; made through another instance, within this delay.
 */
export const SETTINGS_CACHE_MS = 5_000;

/**
 * Agency-wide settings stored as JSON in the `settings` table, each read through a Zod
 * schema with a default in code, so an install works before anyone edits a setting.
 */
export class SettingsService {
  private readonly repo = new SettingsRepository();
  private readonly kept = new Map<string, { value: unknown; at: number }>();
  /** Per key, until when reads are not kept: a read racing an uncommitted write would keep the old value. */
  private readonly heldUntil = new Map<string, number>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** The stored value, or the default when unset or no longer valid. */
  async get<T extends z.ZodType>(key: string, schema: T, fallback: z.output<T>, trx: Kysely<DB> = this.db): Promise<z.output<T>> {
    const value = await this.repo.read(trx, key);
    if (value === undefined) return fallback;
    try {
      const parsed = schema.safeParse(JSON.parse(value));
      return parsed.success ? parsed.data : fallback;
    } catch {
      return fallback;
    }
  }

  /**
   * As `get`, outside any transaction, remembered for SETTINGS_CACHE_MS: for settings read on
   * hot paths (the agency's time zone on every page that says what is overdue). One schema per key.
   */
  async cached<T extends z.ZodType>(key: string, schema: T, fallback: z.output<T>): Promise<z.output<T>> {
    const now = this.clock.now().getTime();
    const hit = this.kept.get(key);
    if (hit && hit.at <= now && now < hit.at + SETTINGS_CACHE_MS) return hit.value as z.output<T>;
    const value = await this.get(key, schema, fallback);
    if (now >= (this.heldUntil.get(key) ?? 0)) this.kept.set(key, { value, at: now });
    return value;
  }

  /** Stores a value (already validated by the caller's schema). */
  async set(key: string, value: unknown, trx: Kysely<DB> = this.db): Promise<void> {
    await this.repo.write(trx, key, JSON.stringify(value));
    this.forget(key);
  }

  /** Stores the key only if nobody has yet: true for the one caller that did (race-safe across instances). */
  async claim(key: string, value: unknown, trx: Kysely<DB> = this.db): Promise<boolean> {
    const claimed = await this.repo.claim(trx, key, JSON.stringify(value));
    if (claimed) this.forget(key);
    return claimed;
  }

  /**
   * Forgets the key at once, and keeps no read of it for SETTINGS_CACHE_MS: the write commits
   * with its transaction, and a read meanwhile still sees the old value.
   */
  private forget(key: string) {
    this.kept.delete(key);
    this.heldUntil.set(key, this.clock.now().getTime() + SETTINGS_CACHE_MS);
  }
}
