import type { Kysely } from 'kysely';
import type { CheckFigures, SatisfactionFigures } from '../../../common/schemas/corrective-action.js';
import type { DB } from '../../db/schema.js';
import type { ClaimFacts } from '../claims/index.js';
import type { AnswerCounts, SurveySatisfaction } from '../surveys/index.js';
import type { ActionClaimRow, CorrectiveActionRow } from './corrective-action.repository.js';

const DAY = 86_400_000;
/** How far back the "before" answers reach: a year, so a seasonal dip does not pass for an effect. */
const BEFORE_DAYS = 365;
/** The recurring claims listed with their ids (all are counted). */
const LISTED = 50;

/** CSAT's mean and NPS (% promoters − % detractors) from counted answers; null where nothing was answered. */
export function satisfactionOf(c: AnswerCounts): SatisfactionFigures {
  return {
    csatAverage: c.csatCount ? Math.round((c.csatSum / c.csatCount) * 100) / 100 : null,
    csatCount: c.csatCount,
    nps: c.npsCount ? Math.round(((c.promoters - c.detractors) * 100) / c.npsCount) : null,
    npsCount: c.npsCount,
    promoters: c.promoters,
    detractors: c.detractors,
  };
}

/**
 * What the checker judges an action by, computed as of `asOf`: the claims of its root cause
 * registered since it was created (a claim's action counts its claim's root cause, on the claim's
 * account alone when `sameAccount`), and the satisfaction of the accounts of its claims in the
 * year before it against the time since.
 */
export class CheckFiguresCalculator {
  constructor(
    private readonly claims: ClaimFacts,
    private readonly surveys: SurveySatisfaction,
  ) {}

  async compute(
    t: Kysely<DB>,
    action: CorrectiveActionRow,
    linked: ActionClaimRow[],
    sameAccount: boolean,
    asOf: string,
  ): Promise<CheckFigures> {
    const since = action.created_at;
    const claim = action.claim_id ? await this.claims.find(action.claim_id, t) : undefined;
    const rootCause = action.scope === 'claim' ? (claim?.rootCause ?? null) : action.root_cause;
    const onOneAccount = sameAccount && action.scope === 'claim' && claim !== undefined;
    const recurred = rootCause
      ? await this.claims.recurrences(
          {
            rootCause,
            since,
            accountId: onOneAccount ? claim.accountId : undefined,
            except: linked.map((l) => l.claim_id),
            limit: LISTED,
          },
          t,
        )
      : { count: 0, claims: [] };
    const accountIds = [...new Set(linked.map((l) => l.account_id))].sort();
    const yearBefore = new Date(new Date(since).getTime() - BEFORE_DAYS * DAY).toISOString();
    const before = await this.surveys.answerCounts(accountIds, yearBefore, since, t);
    // Up to and including `asOf`: an answer given the moment the check is read counts.
    const after = await this.surveys.answerCounts(accountIds, since, new Date(new Date(asOf).getTime() + 1).toISOString(), t);
    return {
      asOf,
      since,
      rootCause,
      sameAccount: onOneAccount,
      recurrenceCount: recurred.count,
      recurrences: recurred.claims.map((c) => ({ id: c.id, accountId: c.accountId, createdAt: c.createdAt })),
      accountIds,
      before: satisfactionOf(before),
      after: satisfactionOf(after),
    };
  }
}
