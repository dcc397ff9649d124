import { CompiledQuery, type Kysely } from 'kysely';

const MARKER = '\u0000param:';

/**
 * A query that Kysely builds and compiles once per shape and then runs with new values.
 * Building and compiling a large query can cost more CPU than the database takes to answer
 * it (about 150 µs for a timeline page, against about 130 µs for SQLite to run it), so the
 * hottest reads keep their SQL text.
 *
 * The shape `S` is everything that changes the SQL text (which branches and filters exist);
 * `build` compiles the query for it, with a marker in place of each value, which it may only place in
 * the query (as a comparison value…), never compute with: compiling a shape refuses a marker
 * that ends up anywhere but as a parameter of its own, and any other parameter (constants are
 * written into the SQL with sql.lit).
 */
export class QueryTemplate<S extends Record<string, string | boolean | number>, P extends Record<string, unknown>, R> {
  private readonly compiled = new Map<string, { sql: string; slots: (keyof P)[] }>();

  constructor(
    private readonly db: Kysely<any>,
    private readonly build: (shape: S, values: P) => CompiledQuery<R>,
  ) {}

  /** The rows of the query of this shape, run with these values. */
  async execute(shape: S, values: P): Promise<R[]> {
    const key = JSON.stringify(shape);
    let query = this.compiled.get(key);
    if (!query) {
      query = this.compile(shape, Object.keys(values));
      this.compiled.set(key, query);
    }
    const parameters = query.slots.map((name) => values[name]);
    return (await this.db.executeQuery<R>(CompiledQuery.raw(query.sql, parameters))).rows;
  }

  private compile(shape: S, names: string[]) {
    const markers = Object.fromEntries(names.map((n) => [n, MARKER + n])) as P;
    const { sql, parameters } = this.build(shape, markers);
    if (sql.includes(MARKER)) throw new Error('QueryTemplate: a value was written into the SQL text instead of a parameter');
    // Every parameter must be a value's marker: a constant bound here would be bound on every later run too.
    const slots = parameters.map((p) => {
      const name = typeof p === 'string' && p.startsWith(MARKER) ? p.slice(MARKER.length) : null;
      if (name === null || !names.includes(name)) {
        throw new Error('QueryTemplate: a parameter is not a value placed as it is (write constants with sql.lit)');
      }
      return name as keyof P;
    });
    return { sql, slots };
  }
}
