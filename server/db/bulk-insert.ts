import { CompiledQuery, type Insertable, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';
import type { DB } from './schema.js';

/**
 * Bound parameters one statement may carry: SQLite's default limit is 32,766, PostgreSQL's
 * 65,535; both kept under with room to spare.
 */
const MAX_PARAMETERS = { sqlite: 32_000, postgres: 65_000 } as const;
/** Rows per statement at most: past this a longer statement saves nothing but costs more to parse. */
const MAX_ROWS = 1000;

const texts = new Map<string, string>();

/** `insert into table (columns) values (…), (…)` for `rows` rows, with the dialect's placeholders; kept by shape. */
function insertText(dialect: 'sqlite' | 'postgres', table: string, columns: string[], rows: number, suffix: string): string {
  const key = `${dialect}\u0000${table}\u0000${columns.join(',')}\u0000${rows}\u0000${suffix}`;
  let text = texts.get(key);
  if (text === undefined) {
    const tuples: string[] = [];
    let n = 0;
    for (let r = 0; r < rows; r++) {
      const slots = columns.map(() => (dialect === 'postgres' ? `$${++n}` : '?'));
      tuples.push(`(${slots.join(', ')})`);
    }
    const names = columns.map((c) => `"${c}"`).join(', ');
    text = `insert into "${table}" (${names}) values ${tuples.join(', ')}${suffix ? ` ${suffix}` : ''}`;
    if (texts.size > 200) texts.clear(); // a handful of shapes are in use at once; never let odd tails pile up
    texts.set(key, text);
  }
  return text;
}

/**
 * Inserts many rows of one shape (the columns of the first row) in as few statements as the
 * dialect's parameter limit allows. Building a large insert through Kysely's query builder
 * costs more CPU than the database takes to write it, so the statement text is made once per
 * shape and the values are bound as they are. `suffix` is constant SQL after the values (an
 * `on conflict` clause); values must be what the driver binds (text, numbers, null, bytes); an undefined one is null.
 */
export async function insertRows<T extends keyof DB>(
  db: Kysely<DB>,
  table: T,
  rows: readonly Insertable<DB[T]>[],
  suffix = '',
): Promise<void> {
  if (rows.length === 0) return;
  const dialect = dialectOf(db).name;
  const columns = Object.keys(rows[0]);
  if (dialect === 'postgres' && !rows.some(hasBytes)) return insertAsJson(db, table, columns, rows, suffix);
  const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS[dialect] / columns.length)));
  for (let start = 0; start < rows.length; start += perStatement) {
    const end = Math.min(rows.length, start + perStatement);
    const parameters: unknown[] = new Array((end - start) * columns.length);
    let p = 0;
    for (let r = start; r < end; r++) {
      const row = rows[r] as Record<string, unknown>;
      for (const column of columns) parameters[p++] = row[column] ?? null;
    }
    await db.executeQuery(CompiledQuery.raw(insertText(dialect, table, columns, end - start, suffix), parameters));
  }
}

/** Rows per statement through JSON: one parameter each, so only the text's length limits them. */
const JSON_ROWS = 5000;

const hasBytes = (row: object) => Object.values(row).some((v) => v instanceof Uint8Array);

/**
 * PostgreSQL: the rows as one JSON parameter, read into the table's own row type
 * (`json_populate_recordset`), so each value is converted as the column takes it. A statement of
 * a thousand rows of sixteen values spent more time parsing and binding its parameters than
 * writing them.
 */
async function insertAsJson(db: Kysely<DB>, table: string, columns: string[], rows: readonly object[], suffix: string) {
  const names = columns.map((c) => `"${c}"`).join(', ');
  const text = `insert into "${table}" (${names}) select ${names} from json_populate_recordset(null::"${table}", $1)${suffix ? ` ${suffix}` : ''}`;
  for (let start = 0; start < rows.length; start += JSON_ROWS) {
    const json = JSON.stringify(rows.slice(start, start + JSON_ROWS), columns);
    await db.executeQuery(CompiledQuery.raw(text, [json]));
  }
}
