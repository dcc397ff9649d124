import type { Database } from '../../db/database.js';
import { agendaTaskScope } from '../access/index.js';
import { lateDays, severityByLateness, type AgendaEntry, type AgendaProvider, type AgendaScope } from '../today/index.js';

/**
 * Today's tasks: late or due this week, and blocked ones, on the manager's accounts, or a
 * specialist's own. One query; a blocked task that is also late is one item (blocked).
 */
export function taskAgenda(db: Database): AgendaProvider {
  return {
    name: 'tasks',
    kinds: ['task_late', 'task_blocked'],
    async entries(scope: AgendaScope): Promise<AgendaEntry[]> {
      const tasks = agendaTaskScope(scope.subject);
      if (!tasks) return [];
      const rows = await db
        .selectFrom('tasks')
        .innerJoin('projects', 'projects.id', 'tasks.project_id')
        .innerJoin('accounts', 'accounts.id', 'tasks.account_id')
        .select([
          'tasks.id',
          'tasks.title',
          'tasks.status',
          'tasks.blocked_reason',
          'tasks.due_date',
          'tasks.updated_at',
          'projects.name as project_name',
          'accounts.id as account_id',
          'accounts.name as account_name',
        ])
        .where('tasks.status', '<>', 'done')
        .where((eb) => eb.or([eb('tasks.status', '=', 'blocked'), eb('tasks.due_date', '<=', scope.horizon)]))
        .where(tasks)
        .execute();
      return rows.map((r): AgendaEntry => {
        const blocked = r.status === 'blocked';
        const due = r.due_date && (!blocked || r.due_date < scope.today) ? r.due_date : scope.today;
        const days = lateDays(due, scope.today);
        return {
          key: blocked ? `task-blocked:${r.id}` : `task-due:${r.id}:${r.due_date}`,
          kind: blocked ? 'task_blocked' : 'task_late',
          severity: blocked ? (days >= 7 ? 'critical' : 'high') : severityByLateness(days),
          due,
          account: { id: r.account_id, name: r.account_name },
          record: { type: 'task', id: r.id, path: `/tasks/${r.id}` },
          reason: blocked
            ? ['today.reason.task_blocked', { title: r.title, project: r.project_name, blocked: r.blocked_reason ?? '—' }]
            : [days > 0 ? 'today.reason.task_late' : 'today.reason.task_due', { title: r.title, project: r.project_name, due, days }],
        };
      });
    },
  };
}
