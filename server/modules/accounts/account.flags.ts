import type { Kysely, Selectable } from 'kysely';
import type { AccountFlags } from '../../../common/schemas/account.js';
import type { AccountsTable, DB } from '../../db/schema.js';
import type { Actor } from '../access/index.js';

type AccountRow = Selectable<AccountsTable>;

/** No flag raised, or none the reader may see. */
export const NO_FLAGS: AccountFlags = { workStopped: null, overdue: null, creditUsed: null };

/**
 * Another module's flags for a page of accounts, by account id (billing: work stopped, overdue,
 * credit used). It decides what the actor may see and reads the whole page in one query at most.
 */
export type FlagSource = (trx: Kysely<DB>, actor: Actor, accounts: AccountRow[]) => Promise<Map<string, Partial<AccountFlags>>>;

/** Every account's flags from every source; sources run one after another (one connection on SQLite, or the caller's transaction). */
export async function collectFlags(sources: FlagSource[], trx: Kysely<DB>, actor: Actor, rows: AccountRow[]) {
  const parts: Map<string, Partial<AccountFlags>>[] = [];
  if (rows.length) for (const source of sources) parts.push(await source(trx, actor, rows));
  return new Map(
    rows.map((r): [string, AccountFlags] => [r.id, parts.reduce<AccountFlags>((flags, p) => ({ ...flags, ...p.get(r.id) }), NO_FLAGS)]),
  );
}
