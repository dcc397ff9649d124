import { CompiledQuery, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';
import type { DB } from './schema.js';

const MARKER = '\u0000param:';

/**
 * A query that Kysely builds and compiles once per shape and then runs with new values.
 * Building and compiling a large query can cost more CPU than the database takes to answer
 * it (about 150 µs for a timeline page, against about 130 µs for SQLite to run it), so the
 * hottest reads keep their SQL text.
 *
 * The shape `S` is everything that changes the SQL text (which branches and filters exist);
 * the text is kept per dialect and shape, so one template serves every database handle.
 * `build` compiles the query for it, with a marker in place of each value, which it may only place in
 * the query (as a comparison value…), never compute with: compiling a shape refuses a marker
 * that ends up anywhere but as a parameter of its own, and any other parameter (constants are
 * written into the SQL with sql.lit).
 */
export class QueryTemplate<S extends Record<string, string | boolean | number>, P extends Record<string, unknown>, R> {
  private readonly compiled = new Map<string, { sql: string; slots: (keyof P)[] }>();

  constructor(private readonly build: (db: Kysely<DB>, shape: S, values: P) => CompiledQuery<R>) {}

  /** The rows of the query of this shape, run on `db` (or a transaction) with these values. */
  async execute(db: Kysely<DB>, shape: S, values: P): Promise<R[]> {
    const key = `${dialectOf(db).name} ${JSON.stringify(shape)}`;
    let query = this.compiled.get(key);
    if (!query) {
      query = this.compile(db, shape, Object.keys(values));
      this.compiled.set(key, query);
    }
    const parameters = query.slots.map((name) => values[name]);
    return (await db.executeQuery<R>(CompiledQuery.raw(query.sql, parameters))).rows;
  }

  private compile(db: Kysely<DB>, shape: S, names: string[]) {
    const markers = Object.fromEntries(names.map((n) => [n, MARKER + n])) as P;
    const { sql, parameters } = this.build(db, shape, markers);
    if (sql.includes(MARKER)) throw new Error('QueryTemplate: a value was written into the SQL text instead of a parameter');
    // Every parameter must be a value's marker: a constant bound here would be bound on every later run too.
    const slots = parameters.map((p) => {
      const name = typeof p === 'string' && p.startsWith(MARKER) ? p.slice(MARKER.length) : null;
      if (name === null || !names.includes(name)) {
        throw new Error('QueryTemplate: a parameter is not a value placed as it is (write constants with sql.lit)');
      }
      return name;
    });
    return { sql, slots };
  }
}
