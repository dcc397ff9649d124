import type { Database } from '../../db/database.js';
import { addDays } from '../../lib/dates.js';
import { agendaAccountScope } from '../access/index.js';
import type { SettingsService } from '../settings/index.js';
import {
  dayOf,
  lateDays,
  severityByLateness,
  TodaySettingsReader,
  type AgendaEntry,
  type AgendaProvider,
  type AgendaScope,
} from '../today/index.js';

const WAITING_KIND = { plan: 'plan_waiting', requirements: 'requirement_waiting', brief: 'brief_unanswered' } as const;
const WAITING_REASON = {
  plan: 'today.reason.plan_waiting',
  requirements: 'today.reason.requirements_waiting',
  brief: 'today.reason.brief_unanswered',
} as const;

/**
 * Today's plan items on the manager's accounts: milestones past their date and not done, plans
 * submitted to the client and not answered for longer than the setting, the requirements
 * the agency proposed that the client has not agreed to for as long (one item per project),
 * and briefs the client has not sent back for as long since the project started.
 */
export function planAgenda(db: Database, settings: SettingsService): AgendaProvider {
  const todaySettings = new TodaySettingsReader(settings);
  return {
    name: 'plans',
    kinds: ['milestone_late', 'plan_waiting', 'requirement_waiting', 'brief_unanswered'],
    async entries(scope: AgendaScope): Promise<AgendaEntry[]> {
      const accounts = agendaAccountScope(scope.subject, 'relationship');
      if (!accounts) return [];
      const wait = await todaySettings.clientWaitDays();
      const waitedSince = `${addDays(scope.today, -wait)}T23:59:59.999Z`;
      const project = [
        'projects.id as project_id',
        'projects.name as project_name',
        'accounts.id as account_id',
        'accounts.name as account_name',
      ] as const;
      const [milestones, plans, requirements, briefs] = await Promise.all([
        db
          .selectFrom('milestones')
          .innerJoin('projects', 'projects.id', 'milestones.project_id')
          .innerJoin('accounts', 'accounts.id', 'projects.account_id')
          .select(['milestones.id', 'milestones.title', 'milestones.due_date', ...project])
          .where('milestones.status', '<>', 'done')
          .where('milestones.due_date', '<', scope.today)
          .where((eb) => accounts(eb, 'projects.account_id'))
          .execute(),
        db
          .selectFrom('projects')
          .innerJoin('accounts', 'accounts.id', 'projects.account_id')
          .select(['projects.plan_submitted_at', ...project])
          .where('projects.plan_status', '=', 'submitted')
          .where('projects.plan_submitted_at', '<=', waitedSince)
          .where((eb) => accounts(eb, 'projects.account_id'))
          .execute(),
        db
          .selectFrom('requirements')
          .innerJoin('projects', 'projects.id', 'requirements.project_id')
          .innerJoin('accounts', 'accounts.id', 'projects.account_id')
          .select((eb) => [...project, eb.fn.countAll<number>().as('count'), eb.fn.min('requirements.updated_at').as('oldest')])
          .where('requirements.status', '=', 'proposed')
          .where('requirements.party', '=', 'company')
          .where('requirements.updated_at', '<=', waitedSince)
          .where((eb) => accounts(eb, 'projects.account_id'))
          .groupBy(['projects.id', 'projects.name', 'accounts.id', 'accounts.name'])
          .execute(),
        db
          .selectFrom('projects')
          .innerJoin('accounts', 'accounts.id', 'projects.account_id')
          .leftJoin('brief_submissions', 'brief_submissions.project_id', 'projects.id')
          .select(['projects.created_at', ...project])
          .where('projects.stage', '=', 'brief')
          .where('projects.brief_questions', '<>', '[]')
          .where('brief_submissions.project_id', 'is', null)
          .where('projects.created_at', '<=', waitedSince)
          .where((eb) => accounts(eb, 'projects.account_id'))
          .execute(),
      ]);
      const about = (r: { project_id: string; account_id: string; account_name: string }) => ({
        account: { id: r.account_id, name: r.account_name },
        record: { type: 'project' as const, id: r.project_id, path: `/projects/${r.project_id}` },
      });
      /** What waits for the client since a day: due once the setting's days have passed. */
      const waiting = (
        what: 'plan' | 'requirements' | 'brief',
        r: { project_id: string; project_name: string; account_id: string; account_name: string },
        since: string,
        params: { count?: number },
      ): AgendaEntry => {
        const due = addDays(since, wait);
        return {
          key: `${what}-waiting:${r.project_id}:${since}`,
          kind: WAITING_KIND[what],
          severity: severityByLateness(lateDays(due, scope.today)),
          due,
          ...about(r),
          reason: [WAITING_REASON[what], { project: r.project_name, days: lateDays(since, scope.today), ...params }],
        };
      };
      return [
        ...milestones.map((m): AgendaEntry => {
          const days = lateDays(m.due_date, scope.today);
          return {
            key: `milestone-late:${m.id}:${m.due_date}`,
            kind: 'milestone_late',
            severity: severityByLateness(days),
            due: m.due_date,
            ...about(m),
            reason: ['today.reason.milestone_late', { title: m.title, project: m.project_name, due: m.due_date, days }],
          };
        }),
        ...plans.map((p) => waiting('plan', p, dayOf(p.plan_submitted_at!), {})),
        ...requirements.map((r) => waiting('requirements', r, dayOf(String(r.oldest)), { count: Number(r.count) })),
        ...briefs.map((b) => waiting('brief', b, dayOf(b.created_at), {})),
      ];
    },
  };
}
