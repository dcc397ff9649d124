import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** An account's deals as account health reads them. */
export interface DealHealthFacts {
  open: number;
  /** Deals won since the window's start. */
  wonRecently: number;
  /** Deals lost since the window's start. */
  lostRecently: number;
}

/** Open deals of one account (or every account, `accountId` null) and those closed since `since`, in one grouped statement. */
export async function dealHealthByAccount(t: Kysely<DB>, accountId: string | null, since: string): Promise<Map<string, DealHealthFacts>> {
  const rows = await t
    .selectFrom('deals')
    .where((eb) => eb.or([eb('stage', 'not in', ['won', 'lost']), eb('closed_at', '>=', since)]))
    .$if(accountId !== null, (q) => q.where('account_id', '=', accountId!))
    .groupBy('account_id')
    .select((eb) => [
      'account_id',
      eb.fn.sum<number | string>(eb.case().when('stage', 'not in', ['won', 'lost']).then(1).else(0).end()).as('open'),
      eb.fn.sum<number | string>(eb.case().when('stage', '=', 'won').then(1).else(0).end()).as('won'),
      eb.fn.sum<number | string>(eb.case().when('stage', '=', 'lost').then(1).else(0).end()).as('lost'),
    ])
    .execute();
  return new Map(rows.map((r) => [r.account_id, { open: Number(r.open), wonRecently: Number(r.won), lostRecently: Number(r.lost) }]));
}
