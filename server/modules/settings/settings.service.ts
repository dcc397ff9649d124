import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { SettingsRepository } from './settings.repository.js';

/**
 * Agency-wide settings stored as JSON in the `settings` table, each read through a Zod
 * schema with a default in code, so an install works before anyone edits a setting.
 */
export class SettingsService {
  private readonly repo = new SettingsRepository();

  constructor(private readonly db: Database) {}

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

  /** Stores a value (already validated by the caller's schema). */
  async set(key: string, value: unknown, trx: Kysely<DB> = this.db): Promise<void> {
    await this.repo.write(trx, key, JSON.stringify(value));
  }

  /** Stores the key only if nobody has yet: true for the one caller that did (race-safe across instances). */
  claim(key: string, value: unknown, trx: Kysely<DB> = this.db): Promise<boolean> {
    return this.repo.claim(trx, key, JSON.stringify(value));
  }
}
