import type { Database } from '../../db/database.js';
import { agendaAccountScope } from '../access/index.js';
import type { AgendaEntry, AgendaProvider, AgendaScope } from '../today/index.js';

/** Today's oversight item for admins: prospects and active clients nobody looks after. One query over the unowned accounts. */
export function unassignedAccountAgenda(db: Database): AgendaProvider {
  return {
    name: 'accounts-unassigned',
    kinds: ['account_unassigned'],
    async entries(scope: AgendaScope): Promise<AgendaEntry[]> {
      if (!agendaAccountScope(scope.subject, 'oversight')) return [];
      const rows = await db
        .selectFrom('accounts')
        .select(['id', 'name', 'status'])
        .where('owner_id', 'is', null)
        .where('status', 'in', ['prospect', 'active'])
        .execute();
      return rows.map((a) => ({
        key: `unassigned:${a.id}`,
        kind: 'account_unassigned',
        severity: a.status === 'active' ? 'high' : 'medium',
        due: scope.today,
        account: { id: a.id, name: a.name },
        record: { type: 'account', id: a.id, path: `/accounts/${a.id}` },
        reason: ['today.reason.account_unassigned', { name: a.name, status: a.status }],
      }));
    },
  };
}
