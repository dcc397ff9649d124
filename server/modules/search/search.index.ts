import type { Kysely } from 'kysely';
import type { SearchKind } from '../../../common/schemas/search.js';
import { dialectOf } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import { groupBy } from '../../lib/group.js';
import type { SearchRow } from './source.js';
import { wordsOf } from './words.js';

/** Statements stay well under both databases' limits on bound values. */
const PART = 500;

interface Owners {
  owner_id: string | null;
  backup_owner_id: string | null;
}
const NO_OWNERS: Owners = { owner_id: null, backup_owner_id: null };

/** The words of a record as index rows: each word once, as a title word when it is one; with its account and that account's owners. */
function termsOf(kind: SearchKind, row: SearchRow, owners: Owners) {
  const field = new Map<string, number>();
  for (const w of wordsOf(row.title)) field.set(w, 0);
  for (const w of row.secondary.flatMap((s) => wordsOf(s))) if (!field.has(w)) field.set(w, 1);
  return [...field].slice(0, 64).map(([term, f]) => ({ term, kind, record_id: row.id, field: f, account_id: row.accountId, ...owners }));
}

/**
 * The owners of these records' accounts, as they are in the transaction. On PostgreSQL the
 * accounts are locked for share until it ends: an account handed over meanwhile waits, and its
 * handover then re-owns the words written here. Without the lock, a handover committed between
 * this read and the commit would miss the words (not yet visible to it), and the previous
 * manager would go on finding the records. Locked in id order, so two rewrites sharing accounts
 * never wait on each other in a circle. SQLite writes one transaction at a time.
 */
async function ownersOf(trx: Kysely<DB>, rows: readonly SearchRow[]): Promise<Map<string, Owners>> {
  const ids = [...new Set(rows.flatMap((r) => r.accountId ?? []))];
  if (ids.length === 0) return new Map();
  const query = trx.selectFrom('accounts').select(['id', 'owner_id', 'backup_owner_id']).where('id', 'in', ids).orderBy('id');
  const accounts = await (dialectOf(trx).name === 'postgres' ? query.forShare() : query).execute();
  return new Map(accounts.map((a) => [a.id, { owner_id: a.owner_id, backup_owner_id: a.backup_owner_id }]));
}

/**
 * The words of every record on these accounts take the accounts' owners as they are now: an
 * account handed over (or given a backup) is found by its records' words for the new manager.
 * One statement per pair of owners, touching only the words that still name others.
 */
async function passOwners(trx: Kysely<DB>, owners: Map<string, Owners>): Promise<void> {
  const pairs = groupBy([...owners], ([, o]) => `${o.owner_id}|${o.backup_owner_id}`);
  for (const accounts of pairs.values()) {
    const [, o] = accounts[0];
    await trx
      .updateTable('search_terms')
      .set(o)
      .where(
        'account_id',
        'in',
        accounts.map(([id]) => id),
      )
      .where((eb) => eb.or([eb('owner_id', 'is distinct from', o.owner_id), eb('backup_owner_id', 'is distinct from', o.backup_owner_id)]))
      .execute();
  }
}

/** Replaces the index's words of these records with their current ones (call it in a transaction). */
export async function writeWords(trx: Kysely<DB>, kind: SearchKind, rows: readonly SearchRow[]): Promise<void> {
  for (const part of chunks(rows, PART)) {
    // The accounts first, words after: a handover holds its account before it re-owns words.
    const owners = await ownersOf(trx, part);
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
      part.flatMap((r) => termsOf(kind, r, (r.accountId && owners.get(r.accountId)) || NO_OWNERS)),
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
    if (kind === 'account') await passOwners(trx, owners);
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
