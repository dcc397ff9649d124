import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** An account's open next steps as account health reads them. */
export interface NextStepHealthFacts {
  open: number;
  /** Open next steps past their due date. */
  overdue: number;
}

/** Next steps not done of one account (or every account, `accountId` null), with how many are overdue, in one grouped statement. */
export async function nextStepHealthByAccount(
  t: Kysely<DB>,
  accountId: string | null,
  today: string,
): Promise<Map<string, NextStepHealthFacts>> {
  const rows = await t
    .selectFrom('next_steps')
    .where('done_at', 'is', null)
    .$if(accountId !== null, (q) => q.where('account_id', '=', accountId!))
    .groupBy('account_id')
    .select((eb) => [
      'account_id',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string>(eb.case().when('due_date', '<', today).then(1).else(0).end()).as('overdue'),
    ])
    .execute();
  return new Map(rows.map((r) => [r.account_id, { open: Number(r.n), overdue: Number(r.overdue) }]));
}
