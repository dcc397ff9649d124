import { sql, type Kysely } from 'kysely';
import type { DuplicatePolicy, ImportEntity } from '../../../common/schemas/import.js';
import { dialectOf } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import { groupBy } from '../../lib/group.js';
import { foldText } from '../../lib/text.js';
import { canManageAccount, type Actor } from '../access/index.js';
import type { FieldIssue } from './import.values.js';

/** Preview values as they will be saved, by field. */
export type PreviewValues = Record<string, string | number | null>;

/** A row of the file on its way to the database: parsed, then matched against what exists. */
export interface BatchRow<V = Record<string, unknown>> {
  rowNumber: number;
  /** The non-empty cells by field. */
  fields: Record<string, string>;
  /** The parsed values; null when a field is wrong. */
  values: V | null;
  issues: FieldIssue[];
  accountId?: string;
  /** The existing record the row matches (contacts by email, accounts by name and website). */
  existing?: { id: string; version: number; manageable: boolean; row: Record<string, unknown> } | null;
  /** An earlier row of the same file the row repeats. */
  repeats?: boolean;
}

/** What saving a chunk did. */
export interface SaveCounts {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

/**
 * A record the import changed, kept so that undo can restore it: one it updated, or one it
 * created (marked with the import's id) and then updated from a later row.
 */
export interface WrittenRecord {
  table: string;
  id: string;
  action: 'created' | 'updated';
  prior: Record<string, unknown> | null;
  versionAfter: number;
}

export interface SaveContext {
  trx: Kysely<DB>;
  /** The import: every record it creates is marked with it (`import_id`), for undo. */
  importId: string;
  actor: Actor;
  now: string;
  policy: DuplicatePolicy;
  written: WrittenRecord[];
}

/** How one kind of record is read from rows, matched, previewed and saved. */
export interface EntityImporter<V = Record<string, unknown>> {
  entity: ImportEntity;
  /** Parses a row's cells (no database): values, or issues on the fields. */
  parse(fields: Record<string, string>, issues: FieldIssue[]): V | null;
  /** Matches a batch against the database: accounts named, duplicates, numbers taken. */
  resolve(trx: Kysely<DB>, actor: Actor, rows: BatchRow<V>[]): Promise<void>;
  /** The values as the preview shows them. */
  present(row: BatchRow<V>): PreviewValues;
  /** Saves the rows without issues under the duplicate policy; counts what it did. */
  save(ctx: SaveContext, rows: BatchRow<V>[]): Promise<SaveCounts>;
}

export const noCounts = (): SaveCounts => ({ created: 0, updated: 0, skipped: 0, failed: 0 });

/** Values of a string list without repeats, for `in (...)` lookups. */
export const distinct = (values: (string | undefined | null)[]) => [...new Set(values.filter((v): v is string => !!v))];

type NamedAccount = { id: string; name: string; owner_id: string | null; backup_owner_id: string | null; currency: string };

/** An account name as rows are matched by it: case, surrounding spaces and ё/е do not count. */
export const accountNameKey = (name: string) => foldText(name.trim());

/**
 * Finds the account each row names, by id or by name, among those the actor may add to; one
 * the actor may not change reads as one that does not exist. A name matches exactly first
 * (through the name index); the names that do not are then compared folded (case, spaces
 * around, ё/е) against the actor's accounts, read only for a chunk that has such names.
 */
export async function resolveAccounts<V>(trx: Kysely<DB>, actor: Actor, rows: BatchRow<V>[]): Promise<Map<string, { currency: string }>> {
  const ids = distinct(rows.map((r) => r.fields.accountId));
  const names = distinct(rows.map((r) => (r.fields.accountId ? undefined : r.fields.account)));
  const columns = ['id', 'name', 'owner_id', 'backup_owner_id', 'currency'] as const;
  const dialect = dialectOf(trx);
  const found: NamedAccount[] =
    ids.length + names.length === 0
      ? []
      : await trx
          .selectFrom('accounts')
          .select(columns)
          .where((eb) =>
            eb.or([
              ...(ids.length ? [dialect.isIn(sql.ref('id'), dialect.list(ids))] : []),
              ...(names.length ? [dialect.isIn(sql.ref('name'), dialect.list(names))] : []),
            ]),
          )
          .execute();
  const mine = found.filter((a) => canManageAccount(actor, a));
  const byId = new Map(mine.map((a) => [a.id, a]));
  const byName = groupBy(mine, (a) => a.name);
  const unmatched = names.filter((n) => !byName.has(n));
  if (unmatched.length) {
    const scope = trx.selectFrom('accounts').select(columns);
    const candidates = await (actor.role === 'admin' ? scope : scope.where('owner_id', '=', actor.id)).execute();
    const byKey = groupBy(
      candidates.filter((a) => canManageAccount(actor, a)),
      (a) => accountNameKey(a.name),
    );
    for (const name of unmatched) {
      const matches = byKey.get(accountNameKey(name));
      if (!matches) continue;
      byName.set(name, matches);
      for (const a of matches) byId.set(a.id, a);
    }
  }
  for (const row of rows) {
    const { accountId, account } = row.fields;
    if (accountId) {
      if (byId.has(accountId)) row.accountId = accountId;
      else row.issues.push({ field: 'accountId', code: 'import.no_such_account', params: { account: accountId } });
    } else if (account) {
      const matches = byName.get(account) ?? [];
      if (matches.length === 1) row.accountId = matches[0].id;
      else if (matches.length === 0) row.issues.push({ field: 'account', code: 'import.no_such_account', params: { account } });
      else row.issues.push({ field: 'account', code: 'import.account_ambiguous', params: { account } });
    } else row.issues.push({ field: 'account', code: 'import.account_required' });
  }
  return new Map([...byId.values()].map((a) => [a.id, { currency: a.currency }]));
}

/** Splits a chunk: rows to insert, rows that update what exists, and counts of those skipped or failed. */
export function sortByPolicy<V>(rows: BatchRow<V>[], policy: DuplicatePolicy, counts: SaveCounts) {
  const inserts: BatchRow<V>[] = [];
  const updates: BatchRow<V>[] = [];
  for (const row of rows) {
    if (row.issues.length > 0 || !row.values) counts.failed++;
    else if ((row.existing || row.repeats) && policy === 'skip') counts.skipped++;
    else if (row.existing && policy === 'update') {
      if (row.existing.manageable) updates.push(row);
      else {
        row.issues.push({ field: '', code: 'import.not_yours' });
        counts.failed++;
      }
    } else if (row.repeats && policy === 'update') counts.skipped++;
    else inserts.push(row);
  }
  return { inserts, updates };
}

/**
 * Changes an existing record to the row's values (only the fields the file gives), keeping
 * what they replaced for undo; false when the record moved on meanwhile.
 */
export async function updateRecord(
  ctx: SaveContext,
  table: 'accounts' | 'contacts',
  existing: NonNullable<BatchRow['existing']>,
  set: Record<string, unknown>,
): Promise<boolean> {
  const prior: Record<string, unknown> = { updated_at: existing.row.updated_at };
  for (const key of Object.keys(set)) prior[key] = existing.row[key];
  const res = await ctx.trx
    .updateTable(table)
    .set({ ...set, version: existing.version + 1, updated_at: ctx.now })
    .where('id', '=', existing.id)
    .where('version', '=', existing.version)
    .executeTakeFirst();
  if (res.numUpdatedRows === 0n) return false;
  // One the import created itself goes on being removed by undo, at the version it has now.
  const action = existing.row.import_id === ctx.importId ? 'created' : 'updated';
  ctx.written.push({ table, id: existing.id, action, prior: action === 'updated' ? prior : null, versionAfter: existing.version + 1 });
  return true;
}

/** The set of defined values only: a field the file leaves empty keeps what the record has. */
export function given(
  values: Record<string, unknown>,
  fields: Record<string, string>,
  columns: Record<string, string>,
): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columns)) if (fields[field] !== undefined) set[column] = values[field];
  return set;
}
