import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** An account's open milestones as account health reads them. */
export interface MilestoneHealthFacts {
  open: number;
  /** Open milestones past their due date. */
  late: number;
}

/** Milestones not done yet of one account (or every account, `accountId` null), with how many are late, in one grouped statement. */
export async function milestoneHealthByAccount(
  t: Kysely<DB>,
  accountId: string | null,
  today: string,
): Promise<Map<string, MilestoneHealthFacts>> {
  const rows = await t
    .selectFrom('milestones')
    .innerJoin('projects', 'projects.id', 'milestones.project_id')
    .where('milestones.status', '!=', 'done')
    .$if(accountId !== null, (q) => q.where('projects.account_id', '=', accountId!))
    .groupBy('projects.account_id')
    .select((eb) => [
      'projects.account_id',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string>(eb.case().when('milestones.due_date', '<', today).then(1).else(0).end()).as('late'),
    ])
    .execute();
  return new Map(rows.map((r) => [r.account_id, { open: Number(r.n), late: Number(r.late) }]));
}
