import { lateDays, severityByLateness, type AgendaEntry, type AgendaProvider, type AgendaScope } from '../today/index.js';
import type { CorrectiveActionService } from './corrective-action.service.js';

/**
 * Today's corrective actions, on their owner's own Today: an effectiveness check due this week
 * or past, and otherwise an action past its due date. One item per action; a backup covering a
 * colleague's accounts does not get them (an action is its owner's, not an account's).
 */
export function correctiveActionAgenda(actions: CorrectiveActionService): AgendaProvider {
  return {
    name: 'corrective-actions',
    kinds: ['corrective_check_due', 'corrective_action_overdue'],
    async entries(scope: AgendaScope): Promise<AgendaEntry[]> {
      if (scope.subject.coveredBy) return [];
      const due = await actions.dueChecks(scope.horizon, 500, scope.subject.id);
      return due.flatMap((a): AgendaEntry[] => {
        const check = a.checkDue;
        if (!check && a.dueOn >= scope.today) return [];
        const day = check ? a.checkOn : a.dueOn;
        const days = lateDays(day, scope.today);
        const [only] = a.accounts.length === 1 ? a.accounts : [null];
        return [
          {
            key: `${check ? 'corrective-check' : 'corrective-action'}:${a.id}:${day}`,
            kind: check ? 'corrective_check_due' : 'corrective_action_overdue',
            severity: severityByLateness(days),
            due: day,
            account: only,
            record: { type: 'corrective_action', id: a.id, path: `/corrective-actions/${a.id}` },
            reason: [
              check
                ? days > 0
                  ? 'today.reason.corrective_check_overdue'
                  : 'today.reason.corrective_check_due'
                : 'today.reason.corrective_action_overdue',
              { what: a.what, due: day, days },
            ],
          },
        ];
      });
    },
  };
}
