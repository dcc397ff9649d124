import type { z } from 'zod';
import type { AuditEntry, AuditListQuerySchema } from '../../../common/schemas/audit.js';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { AuditLogTable, DB } from '../../db/schema.js';
import { toIso } from '../../lib/clock.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';

type AuditListQuery = z.output<typeof AuditListQuerySchema>;

/** Writes one entry, in the transaction of the change it records. */
export async function insertAuditEntry(trx: Kysely<DB>, row: Insertable<AuditLogTable>): Promise<void> {
  await trx.insertInto('audit_log').values(row).execute();
}

/**
 * Applies `set` to the row while it still has `version`, bumping the version; false when
 * another writer got there first. Generic over the versioned tables, for `updateVersioned`.
 */
export async function updateIfVersion(trx: Kysely<DB>, table: string, id: string, version: number, set: object): Promise<boolean> {
  // The table is a runtime name, so Kysely cannot type it here; callers are typed by updateVersioned.
  const res = await (trx as Kysely<any>)
    .updateTable(table)
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows > 0n;
}

/**
 * One record's entries, newest first, a page at a time (served by the record index): the
 * record's own history, for the module that owns the record to show to those who may read it.
 */
export const listRecordHistory = (db: Database, recordType: string, recordId: string, page: { limit: number; cursor?: string }) =>
  listAuditEntries(db, { recordType, recordId, ...page });

/** Reads the audit log, newest first, with its filters. */
export async function listAuditEntries(db: Database, q: AuditListQuery) {
  const pos = decodeCursor(q.cursor, 'timestamp');
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor_id',
      'users.name as actor_name',
      'audit_log.record_type',
      'audit_log.record_id',
      'audit_log.action',
      'audit_log.changes',
      'audit_log.record_label',
      'audit_log.context',
    ])
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(q.limit + 1);
  if (q.recordType) query = query.where('audit_log.record_type', '=', q.recordType);
  if (q.recordId) query = query.where('audit_log.record_id', '=', q.recordId);
  if (q.actorId) query = query.where('audit_log.actor_id', '=', q.actorId);
  if (q.from) query = query.where('audit_log.at', '>=', toIso(q.from));
  if (q.to) query = query.where('audit_log.at', '<', toIso(q.to));
  if (pos) query = query.where((eb) => afterCursor(eb, 'audit_log.at', 'audit_log.id', 'desc', pos));
  const page = toPage(await query.execute(), q.limit, (r) => ({ v: r.at, id: r.id }));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r): AuditEntry => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name ?? null,
      recordType: r.record_type,
      recordId: r.record_id,
      action: r.action,
      changes: JSON.parse(r.changes) as AuditEntry['changes'],
      recordLabel: r.record_label,
      context: r.context ? (JSON.parse(r.context) as AuditEntry['context']) : {},
    })),
  };
}

/**
 * The records of these types one person changed lately, latest first, each once (served by the
 * actor index; reads a few pages of entries at most). What global search offers before a word is typed.
 */
export async function recentRecordsOf(
  db: Database,
  actorId: string,
  recordTypes: readonly string[],
  limit: number,
): Promise<{ recordType: string; recordId: string; at: string }[]> {
  const entries = await db
    .selectFrom('audit_log')
    .select(['record_type', 'record_id', 'at'])
    .where('actor_id', '=', actorId)
    .where('record_type', 'in', recordTypes)
    .orderBy('at', 'desc')
    .limit(limit * 10)
    .execute();
  const seen = new Set<string>();
  const recent: { recordType: string; recordId: string; at: string }[] = [];
  for (const e of entries) {
    const key = `${e.record_type}:${e.record_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    recent.push({ recordType: e.record_type, recordId: e.record_id, at: toIso(e.at) });
    if (recent.length === limit) break;
  }
  return recent;
}
