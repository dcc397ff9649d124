import type { Database } from '../../db/database.js';
import { agendaAccountScope } from '../access/index.js';
import type { AgendaEntry, AgendaProvider, AgendaScope } from '../today/index.js';
import { milestoneLoad, milestonesAtRisk } from './delivery.report.js';

/**
 * Today's milestones at risk on the manager's accounts, as the delivery report judges them
 * (one assignee's open work exceeds the working hours left), due from today to the end of
 * the week; a milestone already late is on Today as late instead. One query.
 */
export function deliveryAgenda(db: Database): AgendaProvider {
  return {
    name: 'delivery',
    kinds: ['milestone_at_risk'],
    async entries(scope: AgendaScope): Promise<AgendaEntry[]> {
      const accounts = agendaAccountScope(scope.subject, 'relationship');
      if (!accounts) return [];
      const rows = await milestoneLoad(db)
        .where('milestones.due_date', '>=', scope.today)
        .where('milestones.due_date', '<=', scope.horizon)
        .where((eb) => accounts(eb, 'projects.account_id'))
        .execute();
      return milestonesAtRisk(rows, scope.today).map((m): AgendaEntry => ({
        key: `milestone-at-risk:${m.id}:${m.dueDate}`,
        kind: 'milestone_at_risk',
        severity: m.hoursLeft === 0 ? 'critical' : 'high',
        due: m.dueDate,
        account: { id: m.accountId, name: m.accountName },
        record: { type: 'project', id: m.projectId, path: `/projects/${m.projectId}` },
        reason: [
          'today.reason.milestone_at_risk',
          { title: m.title, project: m.projectName, due: m.dueDate, remaining: m.remainingHours, left: m.hoursLeft },
        ],
      }));
    },
  };
}
