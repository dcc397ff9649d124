import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * Each account's latest NPS answer up to `asOf` (a timestamp), in one statement for every
 * account (loyalty's evaluation): the answer with the latest `answered_at`, ties broken by id.
 */
export async function latestNpsByAccount(t: Kysely<DB>, asOf: string): Promise<Map<string, number>> {
  const ranked = t
    .selectFrom('surveys')
    .where('kind', '=', 'nps')
    .where('answered_at', 'is not', null)
    .where('answered_at', '<=', asOf)
    .where('score', 'is not', null)
    .select(['account_id', 'score', sql<number>`row_number() over (partition by account_id order by answered_at desc, id desc)`.as('n')]);
  const rows = await t.selectFrom(ranked.as('r')).where('r.n', '=', 1).select(['r.account_id', 'r.score']).execute();
  return new Map(rows.map((r) => [r.account_id, Number(r.score)]));
}
