import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** An account's open work as account health reads it. */
export interface TaskHealthFacts {
  open: number;
  /** Open tasks past their due date. */
  late: number;
  blocked: number;
}

/** Open tasks of one account (or every account, `accountId` null) with how many are late or blocked, in one grouped statement. */
export async function taskHealthByAccount(t: Kysely<DB>, accountId: string | null, today: string): Promise<Map<string, TaskHealthFacts>> {
  const rows = await t
    .selectFrom('tasks')
    .where('status', '!=', 'done')
    .$if(accountId !== null, (q) => q.where('account_id', '=', accountId!))
    .groupBy('account_id')
    .select((eb) => [
      'account_id',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string>(eb.case().when('due_date', '<', today).then(1).else(0).end()).as('late'),
      eb.fn.sum<number | string>(eb.case().when('status', '=', 'blocked').then(1).else(0).end()).as('blocked'),
    ])
    .execute();
  return new Map(rows.map((r) => [r.account_id, { open: Number(r.n), late: Number(r.late), blocked: Number(r.blocked) }]));
}
