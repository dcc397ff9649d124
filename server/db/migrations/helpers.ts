import { PostgresAdapter, type Kysely, type ColumnDefinitionBuilder, type CreateTableBuilder } from 'kysely';

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
