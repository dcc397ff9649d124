import {
  PostgresAdapter,
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SqlBool,
  type UpdateObject,
} from 'kysely';

/** True when the migration runs on PostgreSQL. */
export const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Column type for a UTC timestamp: timestamptz on PostgreSQL, ISO text on SQLite. */
export const timestampType = (db: Kysely<any>) => (isPostgres(db) ? 'timestamptz' : 'text');

/** Column type for a calendar date. */
export const dateType = (db: Kysely<any>) => (isPostgres(db) ? 'date' : 'text');

/** id, version, created_at, updated_at: the columns every versioned record has. */
export function versionedTable<T extends string>(db: Kysely<any>, name: T): CreateTableBuilder<T, 'id'> {
  const ts = timestampType(db);
  return db.schema
    .createTable(name)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull());
}

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

/** Rows a batched rewrite handles per statement unless told otherwise. */
export const DEFAULT_BATCH_SIZE = 1000;

export interface Batches {
  /** The table walked, by its text primary key `id`. */
  table: string;
  /** The rows that still need the work: done rows must no longer match, so a re-run resumes where a failed one stopped. */
  where?: (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;
  batchSize?: number;
}

/** One batch: the matching rows with `after` < id <= `last` (after is null on the first). */
export interface Batch {
  after: string | null;
  last: string;
  /** The batch's condition, to repeat in the statement that does the work. */
  where: (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;
}

/**
 * Walks a table in keyset batches of `batchSize` ids, calling `step` for each: every statement
 * touches a bounded number of rows, however large the table. Given a database (not a transaction),
 * each batch commits on its own, so a crash keeps the batches done and a re-run skips them (see
 * `where`). Given a transaction — the migrator's on PostgreSQL — the batches share its fate.
 * docs/migrations.md says when to use which. Resolves to the number of batches.
 */
export async function inBatches(db: Kysely<any>, opts: Batches, step: (db: Kysely<any>, batch: Batch) => Promise<void>): Promise<number> {
  const size = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  let after: string | null = null;
  let batches = 0;
  for (;;) {
    const from: string | null = after;
    const run = async (t: Kysely<any>): Promise<string | null> => {
      let ids = t.selectFrom(opts.table).select('id').orderBy('id').limit(size);
      if (from !== null) ids = ids.where('id', '>', from);
      if (opts.where) ids = ids.where(opts.where);
      const rows = await ids.execute();
      if (rows.length === 0) return null;
      const last = String(rows[rows.length - 1].id);
      const where = (eb: ExpressionBuilder<any, any>) =>
        eb.and([...(from === null ? [] : [eb('id', '>', from)]), eb('id', '<=', last), ...(opts.where ? [opts.where(eb)] : [])]);
      await step(t, { after: from, last, where });
      return last;
    };
    after = db.isTransaction ? await run(db) : await db.transaction().execute(run);
    if (after === null) return batches;
    batches += 1;
  }
}

/**
 * `update <table> set … where <where>` in keyset batches (see inBatches): the way a migration
 * rewrites a table that may be large. `set` may refer to the row's own columns (eb.ref). Resolves
 * to the number of rows updated.
 */
export async function updateInBatches(
  db: Kysely<any>,
  opts: Batches & { set: UpdateObject<any, any> | ((eb: ExpressionBuilder<any, any>) => UpdateObject<any, any>) },
): Promise<number> {
  let updated = 0;
  await inBatches(db, opts, async (t, batch) => {
    const result = await t.updateTable(opts.table).set(opts.set).where(batch.where).executeTakeFirst();
    updated += Number(result.numUpdatedRows);
  });
  return updated;
}
