import type { Database } from '../../db/database.js';
import { agendaAccountScope } from '../access/index.js';
import { dayOf, type AgendaEntry, type AgendaProvider, type AgendaScope } from '../today/index.js';
import { checksOf } from './loyalty.presenter.js';

/**
 * Today's downgrade risks on the manager's accounts: those the last evaluation flagged within
 * 10 % of losing their tier, naming the rules that are near. The key holds the tier and the
 * rules, so an item marked done comes back only when the risk changes. One query.
 */
export function loyaltyAgenda(db: Database): AgendaProvider {
  return {
    name: 'loyalty',
    kinds: ['loyalty_downgrade_risk'],
    async entries(scope: AgendaScope): Promise<AgendaEntry[]> {
      const accounts = agendaAccountScope(scope.subject, 'relationship');
      if (!accounts) return [];
      const rows = await db
        .selectFrom('loyalty_standings as s')
        .innerJoin('accounts', 'accounts.id', 's.account_id')
        .innerJoin('loyalty_tiers as t', 't.id', 's.tier_id')
        .select(['accounts.id', 'accounts.name', 's.tier_id', 's.checks', 's.evaluated_at', 't.name as tier_name'])
        .where('s.at_risk', '=', 1)
        .where((eb) => accounts(eb as never, 's.account_id'))
        .execute();
      return rows.map((r): AgendaEntry => {
        const rules = checksOf(r.checks)
          .filter((c) => c.near)
          .map((c) => c.rule);
        return {
          key: `loyalty-risk:${r.id}:${r.tier_id}:${rules.join('+')}`,
          kind: 'loyalty_downgrade_risk',
          severity: 'medium',
          due: dayOf(r.evaluated_at),
          account: { id: r.id, name: r.name },
          record: { type: 'account', id: r.id, path: `/accounts/${r.id}` },
          reason: ['today.reason.loyalty_downgrade_risk', { tier: r.tier_name, rules }],
        };
      });
    },
  };
}
