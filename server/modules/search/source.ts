import { sql, type Kysely, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { SearchKind } from '../../../common/schemas/search.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../access/index.js';

export type { SearchKind } from '../../../common/schemas/search.js';

/** A record as search indexes and shows it. */
export interface SearchRow {
  id: string;
  version: number;
  updatedAt: string;
  accountId: string | null;
  /** What the record is called; its words rank first. */
  title: string;
  /** Shown under the title (its account, project or e-mail). */
  subtitle: string | null;
  /** Other fields found by their words (an e-mail, a number), ranked after the title's. */
  secondary: (string | null)[];
}

/** A condition on `search_terms`: which records of a kind the actor may read. */
export type CandidateCondition = (eb: ExpressionBuilder<DB, 'search_terms'>) => Expression<SqlBool>;

/**
 * A kind of record global search finds, contributed by the module that owns it (like Today's
 * agenda providers). Search reads it only through these questions.
 */
export interface SearchSource {
  kind: SearchKind;
  /** Rows stamped after `(at, id)`, in stamp order: what the index has to catch up on. */
  changedSince(after: { at: string; id: string }, limit: number): Promise<SearchRow[]>;
  /** These rows as they are on `q` (the connection, or the transaction of a change); missing ones were deleted or have no title. */
  rows(q: Kysely<DB>, ids: readonly string[]): Promise<SearchRow[]>;
  /** Of these ids, the rows the actor may read now, as they are now. */
  readable(actor: Actor, ids: readonly string[]): Promise<SearchRow[]>;
  /** The actor's readable records of the kind, as a condition on the index; 'all': every one; null: none at all. */
  candidates(actor: Actor): CandidateCondition | 'all' | null;
}

/** The scope of a source table: every row, none, or those the access module's condition lets through. */
export type TableScope<T extends keyof DB> = 'all' | null | ((eb: ExpressionBuilder<DB, T>) => Expression<SqlBool>);

/** A row as a source's base query selects it (its own columns aliased to these). */
export interface SourceColumns {
  id: string;
  version: number;
  updated_at: string;
  account_id: string | null;
  title: string | null;
  subtitle: string | null;
  s1: string | null;
  s2: string | null;
}

/**
 * A source over one table: `base` selects the columns above from the table (joins allowed) on
 * the connection or transaction given; `scope` is the access module's condition on the table for the actor.
 */
export function tableSource<T extends keyof DB>(
  db: Database,
  def: {
    kind: SearchKind;
    table: T;
    base: (q: Kysely<DB>) => SelectQueryBuilder<DB, any, SourceColumns>;
    scope: (actor: Actor) => TableScope<T>;
  },
): SearchSource {
  // The table is a runtime name here, so Kysely cannot type queries on it alone (the base query is typed).
  const anyDb = db as Kysely<any>;
  const table: string = def.table;
  const col = (name: string) => sql.ref(`${table}.${name}`);
  const toRow = (r: SourceColumns): SearchRow | null =>
    r.title
      ? {
          id: r.id,
          version: Number(r.version),
          updatedAt: r.updated_at,
          accountId: r.account_id,
          title: r.title,
          subtitle: r.subtitle,
          secondary: [r.s1, r.s2],
        }
      : null;
  const rows = (list: SourceColumns[]) => list.flatMap((r) => toRow(r) ?? []);
  return {
    kind: def.kind,
    async changedSince(after, limit) {
      const list = await def
        .base(db)
        // The plain range first, so both databases read it off the (updated_at, id) index.
        .where(sql<SqlBool>`${col('updated_at')} >= ${after.at}`)
        .where(sql<SqlBool>`(${col('updated_at')} > ${after.at} or ${col('id')} > ${after.id})`)
        .orderBy(col('updated_at'))
        .orderBy(col('id'))
        .limit(limit)
        .execute();
      // Rows without a title (an invoice before its number) are kept as empty so the cursor moves past them.
      return list.map(
        (r) =>
          toRow(r) ?? {
            id: r.id,
            version: Number(r.version),
            updatedAt: r.updated_at,
            accountId: r.account_id,
            title: '',
            subtitle: null,
            secondary: [],
          },
      );
    },
    async rows(q, ids) {
      if (ids.length === 0) return [];
      return rows(
        await def
          .base(q)
          .where(sql<SqlBool>`${col('id')} in (${sql.join(ids)})`)
          .execute(),
      );
    },
    async readable(actor, ids) {
      const scope = def.scope(actor);
      if (scope === null || ids.length === 0) return [];
      let q = def.base(db).where(sql<SqlBool>`${col('id')} in (${sql.join(ids)})`);
      if (scope !== 'all') q = q.where((eb) => scope(eb as unknown as ExpressionBuilder<DB, T>));
      return rows(await q.execute());
    },
    candidates(actor) {
      const scope = def.scope(actor);
      if (scope === null || scope === 'all') return scope;
      // Built only when a search needs it (a manager's, once their words carry their accounts, does not).
      const readableIds = () =>
        anyDb
          .selectFrom(table)
          .select(sql<string>`${col('id')}`.as('id'))
          .where((eb) => scope(eb as ExpressionBuilder<DB, T>));
      // Checked on each index row of the word's range (`|| ''` keeps SQLite from driving the search
      // from every readable record instead: a manager's accounts' contacts cost more than the range).
      return (eb) => eb.and([eb('search_terms.kind', '=', def.kind), sql<SqlBool>`(search_terms.record_id || '') in (${readableIds()})`]);
    },
  };
}
