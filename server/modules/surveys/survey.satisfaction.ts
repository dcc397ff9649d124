import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';

/** Answers of a set of accounts in a period, counted as the satisfaction figures need them. */
export interface AnswerCounts {
  csatCount: number;
  csatSum: number;
  npsCount: number;
  promoters: number;
  detractors: number;
}

const NONE: AnswerCounts = { csatCount: 0, csatSum: 0, npsCount: 0, promoters: 0, detractors: 0 };

/**
 * Satisfaction as other modules read it: the answers given by the people of some accounts in a
 * period `[from, to)`, aggregated in one query (served by the surveys' account index), so a
 * caller never reads survey rows itself.
 */
export class SurveySatisfaction {
  constructor(private readonly db: Database) {}

  async answerCounts(accountIds: string[], from: string, to: string, trx: Kysely<DB> = this.db): Promise<AnswerCounts> {
    if (!accountIds.length || from >= to) return { ...NONE };
    const row = await trx
      .selectFrom('surveys')
      .select([
        sql<number>`count(case when surveys.kind = 'csat' then 1 end)`.as('csat_count'),
        sql<number>`coalesce(sum(case when surveys.kind = 'csat' then surveys.score end), 0)`.as('csat_sum'),
        sql<number>`count(case when surveys.kind = 'nps' then 1 end)`.as('nps_count'),
        sql<number>`count(case when surveys.kind = 'nps' and surveys.score >= 9 then 1 end)`.as('promoters'),
        sql<number>`count(case when surveys.kind = 'nps' and surveys.score <= 6 then 1 end)`.as('detractors'),
      ])
      .where('surveys.account_id', 'in', accountIds)
      .where('surveys.answered_at', 'is not', null)
      .where('surveys.answered_at', '>=', from)
      .where('surveys.answered_at', '<', to)
      .executeTakeFirstOrThrow();
    return {
      csatCount: Number(row.csat_count),
      csatSum: Number(row.csat_sum),
      npsCount: Number(row.nps_count),
      promoters: Number(row.promoters),
      detractors: Number(row.detractors),
    };
  }
}
