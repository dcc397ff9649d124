import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { SearchKind } from '../../../common/schemas/search.js';
import type { Database } from '../../db/database.js';
import { dialectOf } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { AccountsOf } from '../access/index.js';
import type { CandidateCondition } from './source.js';

/** Index rows of the query's longest word read per search: the exact words sort first, then the shortest continuations. */
const CANDIDATES = 200;
/** Above every character of a folded word, so `term < p || TOP` reads "begins with p". */
const TOP = '\uffff';

/** Which records of each kind the caller may read, as conditions on `search_terms`. */
export interface CandidateScope {
  /** Kinds of which every record is readable. */
  everyRow: SearchKind[];
  /** Per other kind with readable records, the condition naming them. */
  conditions: CandidateCondition[];
  /**
   * When the caller reads exactly the records of the accounts they read: those accounts (by the
   * owner columns naming the caller), and the kinds concerned ('all': every kind the index
   * holds). The words of those accounts are walked alone; the conditions above serve only words
   * not yet carrying their account, if any are left.
   */
  byAccount: { kinds: SearchKind[] | 'all'; accounts: AccountsOf[]; unplaced: boolean } | null;
  /** False when every kind the index holds is in `everyRow`. */
  filtered: boolean;
}

export interface RankedHit {
  kind: SearchKind;
  record_id: string;
}

/**
 * The best records of each kind for the query's words, best first, in one statement: the longest
 * word's index range (within the caller's access, limited to the first candidates in word order)
 * names the records; each other word must begin a word of the same record (read off the index by
 * record). A word ranks 0 as a title word, 1 as a title word's beginning, 2 and 3 likewise in the
 * other fields; the record's rank is the sum, less one when the query is its exact title; equals
 * go by their latest change.
 */
export async function rankedHits(db: Database, tokens: readonly string[], scope: CandidateScope, perKind: number): Promise<RankedHit[]> {
  const driver = tokens.reduce((a, b) => (b.length > a.length ? b : a));
  const others = [...tokens];
  others.splice(others.indexOf(driver), 1);
  const candidates = scope.byAccount
    ? ofAccounts(db, driver, scope, scope.byAccount)
    : walk(db, driver, (q) => q.$if(scope.filtered, (w) => w.where((eb) => readable(eb, scope))));
  // A candidate's other words and its record row are read by key (correlated subqueries), so no
  // planner turns them into a scan of the whole index. Only another word can be missing (a null
  // score): a one-word query filters nothing, so PostgreSQL does not read the record row twice.
  const wordRank = (token: string) =>
    sql<number | null>`(select min(w.field * 2 + case when w.term = ${token} then 0 else 1 end) from search_terms w
      where w.record_id = c.record_id and w.kind = c.kind and w.term >= ${token} and w.term < ${token + TOP})`;
  const ofRecord = (expression: RawBuilder<unknown>) =>
    sql`(select ${expression} from search_records r where r.kind = c.kind and r.record_id = c.record_id)`;
  const score = sql.join(
    [
      ofRecord(sql`case when r.title_key = ${tokens.join(' ')} then -1 else 0 end`),
      sql`min(c.field * 2 + case when c.term = ${driver} then 0 else 1 end)`,
      ...others.map(wordRank),
    ],
    sql` + `,
  );
  const ranked = sql<RankedHit>`
    select kind, record_id from (
      select kind, record_id, score, updated_at,
        row_number() over (partition by kind order by score, updated_at desc, record_id) as n
      from (
        select c.kind, c.record_id, ${ofRecord(sql`r.updated_at`)} as updated_at, ${score} as score
        from (${candidates}) c
        group by c.kind, c.record_id
      ) g
      ${others.length > 0 ? sql`where score is not null` : sql``}
    ) ranked
    where n <= ${perKind}
    order by score, updated_at desc, record_id`;
  // Checks record by record (a client's, a specialist's, words not yet carrying their account)
  // take PostgreSQL's estimate of the statement's cost far past jit_above_cost: it would compile
  // the plan first, up to a second of work for a 20 ms read. Without them the estimate stays in
  // the thousands, and the statement runs alone.
  const byRecord = scope.conditions.length > 0 && (!scope.byAccount || scope.byAccount.unplaced);
  if (dialectOf(db).name === 'sqlite' || !byRecord) return (await ranked.execute(db)).rows;
  return db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    return (await ranked.execute(trx)).rows;
  });
}

type Walk = SelectQueryBuilder<DB, 'search_terms', { kind: SearchKind; record_id: string; term: string; field: number }>;

/** The first candidates of the word's index range that `narrow` keeps, in word order. */
const walk = (db: Database, word: string, narrow: (q: Walk) => Walk) =>
  narrow(
    db
      .selectFrom('search_terms')
      .select(['kind', 'record_id', 'term', 'field'])
      .where('term', '>=', word)
      .where('term', '<', word + TOP),
  )
    .orderBy('term')
    .limit(CANDIDATES);

/**
 * A manager's candidates: the word's range among the words of the accounts they own, and among
 * those of the accounts they back up (each an index led by that owner column), merged in word
 * order. A word keeps the owners its account had when it was written or last handed over, so
 * the accounts of the words walked are checked again: a word out of date (an owner changed by an
 * import, until the search job passes it on) is never read by a former manager.
 */
function ofAccounts(db: Database, word: string, scope: CandidateScope, byAccount: NonNullable<CandidateScope['byAccount']>) {
  const ofKinds = (q: Walk) => (byAccount.kinds === 'all' ? q : q.where('search_terms.kind', 'in', byAccount.kinds));
  const walks = byAccount.accounts.map((a) => walk(db, word, (q) => ofKinds(q.where(sql.ref(`search_terms.${a.column}`), '=', a.userId))));
  const checked = walks.length;
  if (scope.everyRow.length > 0) walks.push(walk(db, word, (q) => q.where('search_terms.kind', 'in', scope.everyRow)));
  if (byAccount.unplaced && scope.conditions.length > 0) {
    walks.push(
      walk(db, word, (q) =>
        ofKinds(q.where('search_terms.account_id', 'is', null).where((eb) => eb.or(scope.conditions.map((c) => c(eb))))),
      ),
    );
  }
  // Each walk as a subquery of its own (SQLite takes no ORDER BY or LIMIT on a part of a UNION),
  // telling whether its words' accounts are still to be checked.
  const [first, ...rest] = walks.map((w, i) =>
    db
      .selectFrom(w.select('search_terms.account_id').as(`w${i}`))
      .selectAll()
      .select(sql<number>`${i < checked ? 1 : 0}`.as('owned')),
  );
  const merged = rest.reduce((all, w) => all.unionAll(w), first);
  return db
    .selectFrom(merged.as('m'))
    .select(['m.kind', 'm.record_id', 'm.term', 'm.field'])
    .where((eb) => eb.or([eb('m.owned', '=', 0), stillReadable(db, eb, byAccount.accounts)]))
    .orderBy('term')
    .limit(CANDIDATES);
}

/**
 * The candidate's account is one of the caller's now. SQLite looks each one up by key (a list of
 * a manager's accounts costs it a millisecond to build); PostgreSQL hashes the lists once, far
 * cheaper than a few hundred reads of the accounts' rows.
 */
function stillReadable(db: Database, eb: ExpressionBuilder<any, any>, accounts: AccountsOf[]): Expression<SqlBool> {
  if (dialectOf(db).name === 'sqlite') {
    const account = eb
      .selectFrom('accounts')
      .select(sql`1`.as('one'))
      .where('accounts.id', '=', eb.ref('m.account_id'))
      .where((a) => a.or(accounts.map((o) => a(sql.ref(`accounts.${o.column}`), '=', o.userId))));
    return eb.exists(account);
  }
  const lists = accounts.map((o) =>
    eb(
      'm.account_id',
      'in',
      eb
        .selectFrom('accounts')
        .select('accounts.id')
        .where(sql.ref(`accounts.${o.column}`), '=', o.userId),
    ),
  );
  // As an operand of IS TRUE they are checks on the rows merged, not joins PostgreSQL may plan otherwise.
  return sql<SqlBool>`(${eb.or(lists)}) is true`;
}

function readable(eb: ExpressionBuilder<DB, 'search_terms'>, scope: CandidateScope): Expression<SqlBool> {
  return eb.or([
    ...(scope.everyRow.length > 0 ? [eb('search_terms.kind', 'in', scope.everyRow)] : []),
    ...scope.conditions.map((c) => c(eb)),
  ]);
}
