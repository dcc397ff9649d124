import type { Database } from '../../db/database.js';
import { agendaAccountScope } from '../access/index.js';
import { dayOf, lateDays, severityByLateness, type AgendaEntry, type AgendaProvider, type AgendaScope } from '../today/index.js';

/**
 * Today's status reports due on the manager's accounts: a scheduled period skipped because
 * nobody in the project receives reports stays on Today until a report of that period is
 * sent (by hand, once a recipient is added). A period skipped for having nothing to report
 * needs nothing. One query.
 */
export function statusReportAgenda(db: Database): AgendaProvider {
  return {
    name: 'status-reports',
    kinds: ['status_report_due'],
    async entries(scope: AgendaScope): Promise<AgendaEntry[]> {
      const accounts = agendaAccountScope(scope.subject, 'relationship');
      if (!accounts) return [];
      const rows = await db
        .selectFrom('status_report_runs')
        .innerJoin('projects', 'projects.id', 'status_report_runs.project_id')
        .innerJoin('accounts', 'accounts.id', 'projects.account_id')
        .select([
          'status_report_runs.period_from',
          'status_report_runs.period_to',
          'status_report_runs.created_at',
          'projects.id as project_id',
          'projects.name as project_name',
          'accounts.id as account_id',
          'accounts.name as account_name',
        ])
        .where('status_report_runs.outcome', '=', 'skipped')
        .where('status_report_runs.reason', '=', 'no_recipients')
        .where('projects.stage', '<>', 'closed')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('documents')
                .select('documents.id')
                .where('documents.kind', '=', 'status_report')
                .where('documents.status', 'in', ['sent', 'signed'])
                .whereRef('documents.project_id', '=', 'status_report_runs.project_id')
                .whereRef('documents.period_from', '=', 'status_report_runs.period_from')
                .whereRef('documents.period_to', '=', 'status_report_runs.period_to'),
            ),
          ),
        )
        .where((eb) => accounts(eb, 'projects.account_id'))
        .execute();
      return rows.map((r): AgendaEntry => {
        const due = dayOf(r.created_at);
        return {
          key: `status-report:${r.project_id}:${r.period_from}:${r.period_to}`,
          kind: 'status_report_due',
          severity: severityByLateness(lateDays(due, scope.today)),
          due,
          account: { id: r.account_id, name: r.account_name },
          record: { type: 'project', id: r.project_id, path: `/projects/${r.project_id}` },
          reason: ['today.reason.status_report_unsent', { project: r.project_name, from: r.period_from, to: r.period_to }],
        };
      });
    },
  };
}
