import { sql, type Kysely } from 'kysely';
import type { SurveyKind } from '../../../common/enums.js';
import type { DB } from '../../db/schema.js';

/** One answered score. */
export interface ScoredAnswer {
  score: number;
  answeredAt: string;
}

/** An account's latest two answers of each kind, newest first (the trend compares them). */
export type SatisfactionHealthFacts = Record<SurveyKind, ScoredAnswer[]>;

/**
 * The latest two NPS and CSAT answers up to `asOf` of one account (or every account, `accountId`
 * null), in one statement: answers ranked within account and kind, ties broken by id.
 */
export async function satisfactionHealthByAccount(
  t: Kysely<DB>,
  accountId: string | null,
  asOf: string,
): Promise<Map<string, SatisfactionHealthFacts>> {
  const ranked = t
    .selectFrom('surveys')
    .where('answered_at', 'is not', null)
    .where('answered_at', '<=', asOf)
    .where('score', 'is not', null)
    .$if(accountId !== null, (q) => q.where('account_id', '=', accountId!))
    .select([
      'account_id',
      'kind',
      'score',
      'answered_at',
      sql<number>`row_number() over (partition by account_id, kind order by answered_at desc, id desc)`.as('n'),
    ]);
  const rows = await t
    .selectFrom(ranked.as('r'))
    .where('r.n', '<=', 2)
    .select(['r.account_id', 'r.kind', 'r.score', 'r.answered_at', 'r.n'])
    .orderBy('r.account_id')
    .orderBy('r.kind')
    .orderBy('r.n')
    .execute();
  const facts = new Map<string, SatisfactionHealthFacts>();
  for (const r of rows) {
    let f = facts.get(r.account_id);
    if (!f) facts.set(r.account_id, (f = { nps: [], csat: [] }));
    f[r.kind].push({ score: Number(r.score), answeredAt: r.answered_at! });
  }
  return facts;
}
