import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { SearchKind } from '../../../common/schemas/search.js';
import type { Database } from '../../db/database.js';
import { dialectOf } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { CandidateCondition } from './source.js';

/** Index rows of the query's longest word read per search: the exact words sort first, then the shortest continuations. */
const CANDIDATES = 200;
/** Above every character of a folded word, so `term < p || TOP` reads "begins with p". */
const TOP = '\uffff';

/** A condition on `accounts`: a part of the accounts the caller reads. */
export type AccountCondition = (eb: ExpressionBuilder<DB, 'accounts'>) => Expression<SqlBool>;

/** Which records of each kind the caller may read, as conditions on `search_terms`. */
export interface CandidateScope {
  /** Kinds of which every record is readable. */
  everyRow: SearchKind[];
  /** Per other kind with readable records, the condition naming them. */
  conditions: CandidateCondition[];
  /**
   * When the caller reads exactly the records of the accounts they read: those accounts, in
   * parts, and the kinds concerned ('all': every kind the index holds). The walk then checks each
   * word's account; the conditions above serve only words not yet carrying one, if any are left.
   */
  byAccount: { kinds: SearchKind[] | 'all'; accounts: AccountCondition[]; unplaced: boolean } | null;
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
  const candidates = db
    .selectFrom('search_terms')
    .select(['kind', 'record_id', 'term', 'field'])
    .where('term', '>=', driver)
    .where('term', '<', driver + TOP)
    .$if(scope.filtered, (q) => q.where((eb) => readable(eb, scope)))
    .orderBy('term')
    .limit(CANDIDATES);
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

function readable(eb: ExpressionBuilder<DB, 'search_terms'>, scope: CandidateScope): Expression<SqlBool> {
  const everyRow = scope.everyRow.length > 0 ? [eb('search_terms.kind', 'in', scope.everyRow)] : [];
  const byRecord = scope.conditions.map((c) => c(eb));
  const { byAccount } = scope;
  if (!byAccount) return eb.or([...everyRow, ...byRecord]);
  const [first, ...rest] = byAccount.accounts.map((part) =>
    eb
      .selectFrom('accounts')
      .select('accounts.id')
      .where((a) => part(a as unknown as ExpressionBuilder<DB, 'accounts'>)),
  );
  const accounts = rest.reduce((all, part) => all.unionAll(part), first);
  // One set of ids, hashed once and checked on each word walked. As an operand of IS TRUE it is
  // not a condition PostgreSQL would turn into a join of the whole word range with the accounts.
  const onAccount = sql<SqlBool>`(${eb('search_terms.account_id', 'in', accounts)}) is true`;
  const placed = byAccount.unplaced ? eb.or([onAccount, eb.and([eb('search_terms.account_id', 'is', null), eb.or(byRecord)])]) : onAccount;
  return eb.or([...everyRow, byAccount.kinds === 'all' ? placed : eb.and([eb('search_terms.kind', 'in', byAccount.kinds), placed])]);
}
