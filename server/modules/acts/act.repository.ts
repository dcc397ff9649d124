import { sql, type ExpressionBuilder, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { ActSourcesTable } from '../../db/tables/documents.js';
import { documentScope, type Actor } from '../access/index.js';

/** An act that still stands (not cancelled, not declined) holds the work it was made from. */
const LIVE_ACT_STATUSES = ['draft', 'sent', 'signed'] as const;

/** Work of a kind (`task`, `milestone`) that no standing act was made from yet. */
function notOnLiveAct(kind: ActSourcesTable['source_kind'], idColumn: 'tasks.id' | 'milestones.id') {
  return (eb: ExpressionBuilder<DB, 'tasks' | 'milestones'>) =>
    eb.not(
      eb.exists(
        eb
          .selectFrom('act_sources')
          .innerJoin('documents', 'documents.id', 'act_sources.document_id')
          .select(sql`1`.as('one'))
          .where('act_sources.source_kind', '=', kind)
          .whereRef('act_sources.source_id', '=', idColumn)
          .where('documents.status', 'in', LIVE_ACT_STATUSES),
      ),
    );
}

export interface WorkTask {
  id: string;
  role: string | null;
  spent_hours: number;
  milestone_id: string | null;
  milestone_title: string | null;
}

export interface WorkMilestone {
  id: string;
  project_id: string;
  title: string;
  status: string;
  price_minor: number | null;
  done_on: string | null;
  /** Whether a standing act was already made from it. */
  on_act: boolean;
}

/**
 * Delivered work of a project that acts are made from (tasks and milestones, read in one
 * query each), the sources an act records, and the chain from acts to invoices of an account.
 */
export class ActRepository {
  constructor(private readonly db: Database) {}

  private tasks(trx: Kysely<DB>, projectId: string) {
    return trx
      .selectFrom('tasks')
      .leftJoin('milestones', 'milestones.id', 'tasks.milestone_id')
      .select(['tasks.id', 'tasks.role', 'tasks.spent_hours', 'tasks.milestone_id', 'milestones.title as milestone_title'])
      .where('tasks.project_id', '=', projectId)
      .where('tasks.spent_hours', '>', 0)
      .where((eb) => notOnLiveAct('task', 'tasks.id')(eb as ExpressionBuilder<DB, 'tasks' | 'milestones'>))
      .orderBy('tasks.id');
  }

  /** Tasks done in the period (days in the agency's time zone) with hours spent, not yet on a standing act. */
  doneTasks(trx: Kysely<DB>, projectId: string, from: string, to: string): Promise<WorkTask[]> {
    return this.tasks(trx, projectId)
      .where('tasks.status', '=', 'done')
      .where('tasks.done_on', '>=', from)
      .where('tasks.done_on', '<=', to)
      .execute();
  }

  /** Tasks with hours spent on the milestones, not yet on a standing act. */
  tasksOfMilestones(trx: Kysely<DB>, projectId: string, milestoneIds: string[]): Promise<WorkTask[]> {
    return this.tasks(trx, projectId).where('tasks.milestone_id', 'in', milestoneIds).execute();
  }

  private milestones(trx: Kysely<DB>) {
    return trx
      .selectFrom('milestones')
      .select(['id', 'project_id', 'title', 'status', 'price_minor', 'done_on'])
      .select((eb) => eb.not(notOnLiveAct('milestone', 'milestones.id')(eb as ExpressionBuilder<DB, 'tasks' | 'milestones'>)).as('on_act'))
      .orderBy('done_on')
      .orderBy('due_date')
      .orderBy('id');
  }

  /** Milestones of the project done in the period, not yet on a standing act. */
  async doneMilestones(trx: Kysely<DB>, projectId: string, from: string, to: string): Promise<WorkMilestone[]> {
    const rows = await this.milestones(trx)
      .where('project_id', '=', projectId)
      .where('status', '=', 'done')
      .where('done_on', '>=', from)
      .where('done_on', '<=', to)
      .execute();
    return rows.map(asMilestone).filter((m) => !m.on_act);
  }

  /** The listed milestones (of any project: the caller checks they are this one's). */
  async milestonesByIds(trx: Kysely<DB>, ids: string[]): Promise<WorkMilestone[]> {
    return (await this.milestones(trx).where('id', 'in', ids).execute()).map(asMilestone);
  }

  async insertSources(trx: Kysely<DB>, rows: Insertable<ActSourcesTable>[]): Promise<void> {
    if (rows.length) await trx.insertInto('act_sources').values(rows).execute();
  }

  /** The account's acts the actor may read, newest period first, each with the invoice made from it (not void). */
  chain(actor: Actor, accountId: string, limit: number) {
    return (
      this.db
        .selectFrom('documents')
        .leftJoin('projects', 'projects.id', 'documents.project_id')
        .leftJoin('invoices', (j) => j.onRef('invoices.source_document_id', '=', 'documents.id').on('invoices.status', '<>', 'void'))
        .select([
          'documents.id',
          'documents.number',
          'documents.status',
          'documents.project_id',
          'projects.name as project_name',
          'documents.period_from',
          'documents.period_to',
          'documents.currency',
          'documents.total_minor',
          'invoices.id as invoice_id',
          'invoices.number as invoice_number',
          'invoices.kind as invoice_kind',
          'invoices.status as invoice_status',
          'invoices.due_date as invoice_due_date',
          'invoices.currency as invoice_currency',
          'invoices.total_minor as invoice_total_minor',
          'invoices.paid_minor as invoice_paid_minor',
          'invoices.credited_minor as invoice_credited_minor',
        ])
        .where('documents.account_id', '=', accountId)
        .where('documents.kind', '=', 'act')
        .where((eb) => documentScope(actor, eb as unknown as ExpressionBuilder<DB, 'documents'>))
        // acts without a period last, on both databases (they order nulls differently)
        .orderBy(sql`documents.period_from is null`)
        .orderBy('documents.period_from', 'desc')
        .orderBy('documents.created_at', 'desc')
        .limit(limit)
        .execute()
    );
  }
}

function asMilestone(r: Omit<WorkMilestone, 'on_act'> & { on_act: unknown }): WorkMilestone {
  // SQLite answers a boolean expression as 0/1
  return { ...r, on_act: r.on_act === true || r.on_act === 1 };
}
