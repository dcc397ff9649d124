import { DEAL_OPEN_STAGES } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import { agendaAccountScope } from '../access/index.js';
import { dayOf, lateDays, severityByLateness, type AgendaEntry, type AgendaProvider, type AgendaScope } from '../today/index.js';
import { isNextStepOverdue } from './deal.presenter.js';

/**
 * Today's deals, on their owner's Today (a backup's covering view: only the accounts backed up):
 * an open deal whose next step is due this week or overdue, and an open deal with no next step
 * at all (a pipeline that nobody moves). One query.
 */
export function dealAgenda(db: Database): AgendaProvider {
  return {
    name: 'deals',
    kinds: ['deal_next_step_due', 'deal_without_next_step'],
    async entries(scope: AgendaScope): Promise<AgendaEntry[]> {
      let q = db
        .selectFrom('deals')
        .innerJoin('accounts', 'accounts.id', 'deals.account_id')
        .select([
          'deals.id',
          'deals.title',
          'deals.stage',
          'deals.next_step',
          'deals.next_step_due',
          'deals.updated_at',
          'accounts.id as account_id',
          'accounts.name as account_name',
        ])
        .where('deals.owner_id', '=', scope.subject.id)
        .where('deals.stage', 'in', DEAL_OPEN_STAGES)
        .where((eb) =>
          eb.or([eb('deals.next_step', 'is', null), eb('deals.next_step_due', 'is', null), eb('deals.next_step_due', '<=', scope.horizon)]),
        );
      if (scope.subject.coveredBy) {
        const covered = agendaAccountScope(scope.subject, 'relationship');
        if (!covered) return [];
        q = q.where((eb) => covered(eb, 'deals.account_id'));
      }
      const rows = await q.execute();
      return rows.map((r): AgendaEntry => {
        const about = {
          account: { id: r.account_id, name: r.account_name },
          record: { type: 'deal' as const, id: r.id, path: `/accounts/${r.account_id}?tab=deals` },
        };
        if (!r.next_step || !r.next_step_due) {
          const since = dayOf(r.updated_at);
          return {
            key: `deal-no-next-step:${r.id}:${since}`,
            kind: 'deal_without_next_step',
            severity: 'high',
            due: since,
            ...about,
            reason: ['today.reason.deal_without_next_step', { title: r.title, stage: r.stage }],
          };
        }
        const due = r.next_step_due;
        const days = lateDays(due, scope.today);
        const when = isNextStepOverdue(r, scope.today) ? 'overdue' : days === 0 ? 'today' : 'soon';
        return {
          key: `deal-next-step:${r.id}:${due}`,
          kind: 'deal_next_step_due',
          severity: severityByLateness(days),
          due,
          ...about,
          reason: [`today.reason.deal_next_step_${when}`, { title: r.title, text: r.next_step, due, days }],
        };
      });
    },
  };
}
