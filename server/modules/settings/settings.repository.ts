import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The `settings` table: one JSON value per key. */
export class SettingsRepository {
  async read(trx: Kysely<DB>, key: string): Promise<string | undefined> {
    const row = await trx.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  async write(trx: Kysely<DB>, key: string, json: string): Promise<void> {
    await trx
      .insertInto('settings')
      .values({ key, value: json })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
      .execute();
  }

  /** Inserts the key only if it is absent; false when it already existed (a race-safe "first one wins"). */
  async claim(trx: Kysely<DB>, key: string, json: string): Promise<boolean> {
    const inserted = await trx
      .insertInto('settings')
      .values({ key, value: json })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    return inserted !== undefined;
  }
}
