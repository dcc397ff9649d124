import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Language, PlanStatus, ReportSchedule } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { StatusReportRunsTable } from '../../db/tables/status-reports.js';

/** What a report needs of its project and account. */
export interface ReportProject {
  id: string;
  name: string;
  account_id: string;
  account_name: string;
  account_language: Language;
  currency: string;
  plan_status: PlanStatus;
  budget_minor: number | null;
  share_budget: number;
  report_schedule: ReportSchedule;
  report_day: number;
  report_hour: number;
}

/** Most tasks a report lists by name; more are counted. */
export const LISTED_TASKS = 100;

/**
 * The reads a status report is made of. A report reads the plan, the tasks and the
 * requirements of one project (tables of the plans and tasks modules), each in one query;
 * it writes only its own table of scheduled periods.
 */
export class StatusReportRepository {
  constructor(private readonly db: Database) {}

  private projects(trx: Kysely<DB>) {
    return trx
      .selectFrom('projects')
      .innerJoin('accounts', 'accounts.id', 'projects.account_id')
      .select([
        'projects.id',
        'projects.name',
        'projects.account_id',
        'accounts.name as account_name',
        'accounts.language as account_language',
        'projects.currency',
        'projects.plan_status',
        'projects.budget_minor',
        'projects.share_budget',
        'projects.report_schedule',
        'projects.report_day',
        'projects.report_hour',
      ]);
  }

  project(id: string, trx: Kysely<DB> = this.db): Promise<ReportProject | undefined> {
    return this.projects(trx).where('projects.id', '=', id).executeTakeFirst();
  }

  /** Projects on a schedule that are still running (a closed project reports no more). */
  scheduled(trx: Kysely<DB> = this.db): Promise<ReportProject[]> {
    return this.projects(trx)
      .where('projects.report_schedule', '<>', 'none')
      .where('projects.stage', '<>', 'closed')
      .orderBy('projects.id')
      .execute();
  }

  milestones(projectId: string, trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('milestones')
      .select(['title', 'due_date', 'status'])
      .where('project_id', '=', projectId)
      .orderBy('due_date')
      .orderBy('id')
      .execute();
  }

  /** Tasks done from `from` to `to` (agency-local days, both included), the first ones listed and all counted. */
  async tasksDone(projectId: string, from: string, to: string, trx: Kysely<DB> = this.db) {
    const done = trx
      .selectFrom('tasks')
      .where('project_id', '=', projectId)
      .where('status', '=', 'done')
      .where('done_on', '>=', from)
      .where('done_on', '<=', to);
    const [listed, counted] = await Promise.all([
      done.select(['title', 'done_on']).orderBy('done_on').orderBy('id').limit(LISTED_TASKS).execute(),
      done.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { listed: listed.map((t) => ({ title: t.title, doneOn: t.done_on! })), total: Number(counted.n) };
  }

  /** Blocked tasks by title only: why they are blocked is the team's own note. */
  blockedTitles(projectId: string, trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('tasks')
      .select('title')
      .where('project_id', '=', projectId)
      .where('status', '=', 'blocked')
      .orderBy('title')
      .limit(LISTED_TASKS)
      .execute();
  }

  /** Requirements proposed or changed, waiting for a decision. */
  requirementsAwaiting(projectId: string, trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('requirements')
      .select('text')
      .where('project_id', '=', projectId)
      .where('status', 'in', ['proposed', 'changed'])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Hours spent per task role (micro-hours), from the totals the database keeps. */
  async spentByRole(projectId: string, trx: Kysely<DB> = this.db): Promise<Array<[string | null, number]>> {
    const rows = await trx.selectFrom('project_task_totals').select(['role', 'spent_micro']).where('project_id', '=', projectId).execute();
    return rows.map((r) => [r.role, Number(r.spent_micro)]);
  }

  /** Periods of these projects already reported (sent or skipped) that end on or after `since`. */
  async reportedSince(since: string, trx: Kysely<DB> = this.db): Promise<Set<string>> {
    const rows = await trx
      .selectFrom('status_report_runs')
      .select(['project_id', 'period_from', 'period_to'])
      .where('period_to', '>=', since)
      .execute();
    return new Set(rows.map((r) => periodKey(r.project_id, r.period_from, r.period_to)));
  }

  /** Claims the period for the project; false when it was already claimed (by this instance or another). */
  async claim(trx: Kysely<DB>, row: Insertable<StatusReportRunsTable>): Promise<boolean> {
    const inserted = await trx
      .insertInto('status_report_runs')
      .values(row)
      .onConflict((oc) => oc.columns(['project_id', 'period_from', 'period_to']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  /** Records how a claimed period ended: skipped with its reason, or the documents sent. */
  async settle(
    trx: Kysely<DB>,
    id: string,
    how: Pick<Updateable<StatusReportRunsTable>, 'outcome' | 'reason' | 'document_ids'>,
  ): Promise<void> {
    await trx.updateTable('status_report_runs').set(how).where('id', '=', id).execute();
  }
}

export const periodKey = (projectId: string, from: string, to: string) => `${projectId}|${from}|${to}`;
