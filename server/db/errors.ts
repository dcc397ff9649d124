/** True for a unique or primary-key violation on either database. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * True when the database gave up on a transaction because another one held what it needed
 * (a PostgreSQL deadlock or serialization failure, SQLite still busy after its timeout): the
 * transaction was rolled back, nothing was written, and the same request may simply be sent again.
 */
export function isTransientConflict(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === '40P01' || code === '40001' || code === 'SQLITE_BUSY';
}
