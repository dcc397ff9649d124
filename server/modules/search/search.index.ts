import type { Kysely } from 'kysely';
import type { SearchKind } from '../../../common/schemas/search.js';
import type { DB } from '../../db/schema.js';
import type { SearchRow } from './source.js';
import { wordsOf } from './words.js';

/** Statements stay well under both databases' limits on bound values. */
const PART = 500;

/** The words of a record as index rows: each word once, as a title word when it is one. */
function termsOf(kind: SearchKind, row: SearchRow) {
  const field = new Map<string, number>();
  for (const w of wordsOf(row.title)) field.set(w, 0);
  for (const w of row.secondary.flatMap((s) => wordsOf(s))) if (!field.has(w)) field.set(w, 1);
  return [...field].slice(0, 64).map(([term, f]) => ({ term, kind, record_id: row.id, field: f, account_id: row.accountId }));
}

/** Replaces the index's words of these records with their current ones (call it in a transaction). */
export async function writeWords(trx: Kysely<DB>, kind: SearchKind, rows: readonly SearchRow[]): Promise<void> {
  for (const part of chunks(rows, PART)) {
    await trx
      .deleteFrom('search_terms')
      .where('kind', '=', kind)
      .where(
        'record_id',
        'in',
        part.map((r) => r.id),
      )
      .execute();
    for (const slice of chunks(
      part.flatMap((r) => termsOf(kind, r)),
      1000,
    )) {
      await trx
        .insertInto('search_terms')
        .values(slice)
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await trx
      .insertInto('search_records')
      .values(
        part.map((r) => ({
          kind,
          record_id: r.id,
          version: r.version,
          updated_at: new Date(r.updatedAt).toISOString(),
          title_key: wordsOf(r.title).join(' '),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['kind', 'record_id']).doUpdateSet((eb) => ({
          version: eb.ref('excluded.version'),
          updated_at: eb.ref('excluded.updated_at'),
          title_key: eb.ref('excluded.title_key'),
        })),
      )
      .execute();
  }
}

/** Takes records out of the index (they were deleted, or have nothing to be found by). */
export async function forgetWords(trx: Kysely<DB>, kind: SearchKind, ids: readonly string[]): Promise<void> {
  for (const part of chunks(ids, PART)) {
    await trx.deleteFrom('search_terms').where('kind', '=', kind).where('record_id', 'in', part).execute();
    await trx.deleteFrom('search_records').where('kind', '=', kind).where('record_id', 'in', part).execute();
  }
}

export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
