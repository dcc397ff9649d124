import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';

/**
 * Agency-wide settings stored as JSON in the `settings` table, each read through a Zod
 * schema with a default in code, so an install works before anyone edits a setting.
 */
export class SettingsService {
  constructor(private readonly db: Database) {}

  /** The stored value, or the default when unset or no longer valid. */
  async get<T extends z.ZodType>(key: string, schema: T, fallback: z.output<T>, trx: Kysely<DB> = this.db): Promise<z.output<T>> {
    const row = await trx.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    if (!row) return fallback;
    try {
      const parsed = schema.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : fallback;
    } catch {
      return fallback;
    }
  }

  /** Stores a value (already validated by the caller's schema). */
  async set(key: string, value: unknown, trx: Kysely<DB> = this.db): Promise<void> {
    const json = JSON.stringify(value);
    await trx
      .insertInto('settings')
      .values({ key, value: json })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
      .execute();
  }
}
