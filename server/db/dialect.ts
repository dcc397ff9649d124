import { PostgresAdapter, sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';

/**
 * The few SQL functions that are spelled differently on SQLite and PostgreSQL, for queries
 * that fold several values into one column (cheaper to read than many columns or rows).
 */
export interface SqlDialect {
  name: 'sqlite' | 'postgres';
  /** A JSON array of the values, in order. */
  jsonArray(values: Expression<unknown>[]): RawBuilder<string>;
  /** A list of strings as one parameter's value, for isIn. */
  list(values: readonly string[]): unknown;
  /**
   * `value` is one of the strings of `list` (made by list()), bound as one parameter: a long IN
   * list costs PostgreSQL more to plan than to run, and gives SQLite a new statement for every length.
   */
  isIn(value: Expression<unknown>, list: unknown): RawBuilder<SqlBool>;
  /** The aggregate: a JSON array of `value` over the rows of the group, in `orderBy` order when given. */
  jsonGroupArray(value: Expression<unknown>, orderBy?: RawBuilder<unknown>): RawBuilder<string>;
  /** A JSON array of `value` over the rows of `from … where …`, ordered by `orderBy`; `[]` for none. */
  jsonAgg(value: Expression<unknown>, orderBy: Expression<unknown>, fromWhere: RawBuilder<unknown>): RawBuilder<string>;
  /** The JSON `value` of the one row of `from … where …`; null when there is none. */
  jsonOfRow(value: Expression<unknown>, fromWhere: RawBuilder<unknown>): RawBuilder<string | null>;
  /**
   * A timestamp read out of a JSON value, in the form the column itself is read: SQLite's
   * stored text as it is; PostgreSQL writes `+00:00` where the column parser gives ISO `Z`.
   */
  jsonTimestamp: (value: string) => string;
}

const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  jsonArray: (values) => sql<string>`json_array(${sql.join(values)})`,
  jsonGroupArray: (value, orderBy) => sql<string>`json_group_array(${value}${orderBy ? sql` order by ${orderBy}` : sql``})`,
  list: (values) => JSON.stringify(values),
  isIn: (value, list) => sql<SqlBool>`${value} in (select value from json_each(${list}))`,
  // json() keeps the subquery's text a JSON value when it is nested in json_array.
  jsonAgg: (value, orderBy, fromWhere) => sql<string>`json((select json_group_array(${value} order by ${orderBy}) ${fromWhere}))`,
  jsonOfRow: (value, fromWhere) => sql<string | null>`json((select ${value} ${fromWhere}))`,
  jsonTimestamp: (value) => value,
};

const postgresDialect: SqlDialect = {
  name: 'postgres',
  jsonArray: (values) => sql<string>`json_build_array(${sql.join(values)})`,
  jsonGroupArray: (value, orderBy) => sql<string>`json_agg(${value}${orderBy ? sql` order by ${orderBy}` : sql``})`,
  list: (values) => values,
  isIn: (value, list) => sql<SqlBool>`${value} in (select unnest(${list}::text[]))`,
  jsonAgg: (value, orderBy, fromWhere) => sql<string>`(select coalesce(json_agg(${value} order by ${orderBy}), '[]'::json) ${fromWhere})`,
  jsonOfRow: (value, fromWhere) => sql<string | null>`(select ${value} ${fromWhere})`,
  jsonTimestamp: (value) => {
    // In a UTC session (the usual) only the suffix differs; parsing a Date for each costs ten times more.
    const utc = UTC_JSON_TIMESTAMP.exec(value);
    return utc ? `${utc[1]}.${(utc[2] ?? '').padEnd(3, '0')}Z` : new Date(value).toISOString();
  },
};

/** A timestamp as PostgreSQL writes it in JSON in a UTC session, to the millisecond at most (trailing zeros dropped). */
const UTC_JSON_TIMESTAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,3}))?\+00:00$/;

/** The dialect of a Kysely instance (or transaction). */
export const dialectOf = (db: Kysely<any>): SqlDialect =>
  db.getExecutor().adapter instanceof PostgresAdapter ? postgresDialect : sqliteDialect;

/** A JSON column as the driver returns it: text on SQLite, already parsed on PostgreSQL. */
export const parseJson = <T>(value: string | T): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
