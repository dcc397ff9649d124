import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** An account's loyalty standing as account health reads it. */
export interface LoyaltyHealthFacts {
  /** The tier held, null for none. */
  tier: string | null;
  /** The latest move since the window's start, if any. */
  move: { direction: 'upgrade' | 'downgrade'; from: string | null; to: string | null; at: string } | null;
}

/** The standing and the latest tier move since `since` of one account (or every account, `accountId` null), in two statements. */
export async function loyaltyHealthByAccount(
  t: Kysely<DB>,
  accountId: string | null,
  since: string,
): Promise<Map<string, LoyaltyHealthFacts>> {
  const ranked = t
    .selectFrom('loyalty_moves')
    .where('at', '>=', since)
    .$if(accountId !== null, (q) => q.where('account_id', '=', accountId!))
    .select([
      'account_id',
      'direction',
      'from_name',
      'to_name',
      'at',
      sql<number>`row_number() over (partition by account_id order by at desc, id desc)`.as('n'),
    ]);
  const [standings, moves] = await Promise.all([
    t
      .selectFrom('loyalty_standings')
      .leftJoin('loyalty_tiers', 'loyalty_tiers.id', 'loyalty_standings.tier_id')
      .$if(accountId !== null, (q) => q.where('loyalty_standings.account_id', '=', accountId!))
      .select(['loyalty_standings.account_id', 'loyalty_tiers.name'])
      .execute(),
    t.selectFrom(ranked.as('m')).where('m.n', '=', 1).selectAll().execute(),
  ]);
  const facts = new Map<string, LoyaltyHealthFacts>(standings.map((s) => [s.account_id, { tier: s.name ?? null, move: null }]));
  for (const m of moves) {
    const f = facts.get(m.account_id) ?? { tier: m.to_name, move: null };
    f.move = { direction: m.direction, from: m.from_name, to: m.to_name, at: m.at };
    facts.set(m.account_id, f);
  }
  return facts;
}
