import type { Database } from '../../db/database.js';
import { agendaAccountScope } from '../access/index.js';
import { lateDays, severityByLateness, type AgendaEntry, type AgendaProvider, type AgendaScope } from '../today/index.js';

/** Today's items from next steps: the subject's own, not done, due by the end of this week (overdue ones too). */
export function nextStepAgenda(db: Database): AgendaProvider {
  return {
    name: 'next-steps',
    kinds: ['next_step_due'],
    async entries(scope: AgendaScope): Promise<AgendaEntry[]> {
      let q = db
        .selectFrom('next_steps')
        .innerJoin('accounts', 'accounts.id', 'next_steps.account_id')
        .select(['next_steps.id', 'next_steps.text', 'next_steps.due_date', 'accounts.id as account_id', 'accounts.name as account_name'])
        .where('next_steps.owner_id', '=', scope.subject.id)
        .where('next_steps.done_at', 'is', null)
        .where('next_steps.due_date', 'is not', null)
        .where('next_steps.due_date', '<=', scope.horizon);
      if (scope.subject.coveredBy) {
        const covered = agendaAccountScope(scope.subject, 'relationship');
        if (!covered) return [];
        q = q.where((eb) => covered(eb, 'next_steps.account_id'));
      }
      const rows = await q.execute();
      return rows.map((r) => {
        const due = r.due_date!;
        const days = lateDays(due, scope.today);
        const code =
          days > 0 ? 'today.reason.next_step_overdue' : days === 0 ? 'today.reason.next_step_today' : 'today.reason.next_step_soon';
        return {
          key: `next-step:${r.id}:${due}`,
          kind: 'next_step_due',
          severity: severityByLateness(days),
          due,
          account: { id: r.account_id, name: r.account_name },
          record: { type: 'next_step', id: r.id, path: `/accounts/${r.account_id}` },
          reason: [code, { text: r.text, due, days }],
          actions: ['complete_next_step'],
        };
      });
    },
  };
}
