import type { Kysely, Updateable } from 'kysely';
import type { DB } from '../../db/schema.js';
import { preconditionFailed } from '../../lib/errors.js';
import { recordAudit, type AuditFields } from './audit.recorder.js';
import { updateIfVersion } from './audit.repository.js';

/** Every table whose rows carry a `version`. */
export type VersionedTable = { [K in keyof DB]: DB[K] extends { version: unknown } ? K : never }[keyof DB];

export interface VersionedChange<T extends VersionedTable, A extends object> {
  table: T;
  id: string;
  /** The version the client sent in If-Match, or the one the caller read in this transaction. */
  version: number;
  set: Updateable<DB[T]>;
  /** Who changes what, for the audit entry. */
  audit: { actorId: string | null; recordType: string; before: AuditFields; at: string };
  /** Reads the record after the change (in the same transaction); its result is returned and audited. */
  after: () => Promise<A>;
  /** What the audit entry shows as "after", when not the whole record. */
  audited?: (after: A) => AuditFields;
}

/**
 * The one way a versioned record changes: `set` applies only while the row still has
 * `version` (which it bumps); a stale version answers 412 and changes nothing; the audit
 * entry is written in the same transaction. Callers cannot forget either.
 */
export async function updateVersioned<T extends VersionedTable, A extends object>(
  trx: Kysely<DB>,
  change: VersionedChange<T, A>,
): Promise<A> {
  if (!(await updateIfVersion(trx, change.table, change.id, change.version, change.set))) throw preconditionFailed();
  const after = await change.after();
  await recordAudit(trx, {
    ...change.audit,
    recordId: change.id,
    action: 'update',
    after: change.audited ? change.audited(after) : (after as AuditFields),
  });
  return after;
}
