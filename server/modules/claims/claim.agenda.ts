import type { Database } from '../../db/database.js';
import { agendaAccountScope, type AgendaCondition } from '../access/index.js';
import { dayOf, type AgendaEntry, type AgendaProvider, type AgendaScope } from '../today/index.js';

/**
 * Today's claims: the next deadline of each open claim (answer while received, resolve until
 * resolved) when it falls this week or has passed, on the manager's accounts; an admin also
 * gets every breached deadline (oversight). A breach is the claim's own severity at critical.
 */
export function claimAgenda(db: Database): AgendaProvider {
  const open = (scope: AgendaScope, accounts: AgendaCondition, breachedOnly: boolean) => {
    const horizon = breachedOnly ? scope.now : `${scope.horizon}T23:59:59.999Z`;
    return db
      .selectFrom('claims')
      .innerJoin('accounts', 'accounts.id', 'claims.account_id')
      .select([
        'claims.id',
        'claims.severity',
        'claims.respond_by',
        'claims.resolve_by',
        'claims.responded_at',
        'accounts.id as account_id',
        'accounts.name as account_name',
      ])
      .where('claims.resolved_at', 'is', null)
      .where('claims.closed_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb.and([eb('claims.responded_at', 'is', null), eb('claims.respond_by', '<=', horizon)]),
          eb('claims.resolve_by', '<=', horizon),
        ]),
      )
      .where((eb) => accounts(eb, 'claims.account_id'))
      .execute();
  };
  return {
    name: 'claims',
    kinds: ['claim_deadline'],
    async entries(scope: AgendaScope): Promise<AgendaEntry[]> {
      const own = agendaAccountScope(scope.subject, 'relationship');
      const oversight = agendaAccountScope(scope.subject, 'oversight');
      const rows = (await Promise.all([own ? open(scope, own, false) : [], oversight ? open(scope, oversight, true) : []])).flat();
      return rows.map((r): AgendaEntry => {
        const answering = r.responded_at === null;
        const at = answering ? r.respond_by : r.resolve_by;
        const breached = at < scope.now;
        const deadline = answering ? 'respond' : 'resolve';
        return {
          key: `claim:${r.id}:${deadline}`,
          kind: 'claim_deadline',
          severity: breached ? 'critical' : r.severity,
          due: dayOf(at),
          account: { id: r.account_id, name: r.account_name },
          record: { type: 'claim', id: r.id, path: `/claims/${r.id}` },
          reason: [`today.reason.claim_${deadline}${breached ? '_breached' : ''}`, { severity: r.severity, at }],
        };
      });
    },
  };
}
