import type { Kysely } from 'kysely';
import type { ClaimSeverity } from '../../../common/enums.js';
import type { DB } from '../../db/schema.js';
import { missed } from './claim.repository.js';

/** How far back claims count for health (open ones always do). */
export const CLAIM_HEALTH_WINDOW_DAYS = 365;

/** An account's claims as account health reads them. */
export interface ClaimHealthFacts {
  /** Claims registered in the window or still open. */
  counted: number;
  /** Open claims (received or in progress) by severity. */
  open: Record<ClaimSeverity, number>;
  /** Of the counted claims, those that missed a deadline (answer or resolution). */
  breached: number;
}

/** Claims of one account (or every account, `accountId` null) registered since `since` or still open, in one grouped statement. */
export async function claimHealthByAccount(
  t: Kysely<DB>,
  accountId: string | null,
  since: string,
  now: string,
): Promise<Map<string, ClaimHealthFacts>> {
  const rows = await t
    .selectFrom('claims')
    .where((eb) => eb.or([eb('created_at', '>=', since), eb('status', 'in', ['received', 'in_progress'])]))
    .where('created_at', '<=', now)
    .$if(accountId !== null, (q) => q.where('account_id', '=', accountId!))
    .groupBy(['account_id', 'severity'])
    .select((eb) => [
      'account_id',
      'severity',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string>(eb.case().when('status', 'in', ['received', 'in_progress']).then(1).else(0).end()).as('open'),
      eb.fn
        .sum<number | string>(
          eb
            .case()
            .when(eb.or([missed(eb, 'respond', now), missed(eb, 'resolve', now)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('breached'),
    ])
    .execute();
  const facts = new Map<string, ClaimHealthFacts>();
  for (const r of rows) {
    let f = facts.get(r.account_id);
    if (!f) facts.set(r.account_id, (f = { counted: 0, open: { low: 0, medium: 0, high: 0, critical: 0 }, breached: 0 }));
    f.counted += Number(r.n);
    f.open[r.severity] += Number(r.open);
    f.breached += Number(r.breached);
  }
  return facts;
}
