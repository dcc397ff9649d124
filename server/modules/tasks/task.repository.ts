import { sql, type Insertable, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { TaskListQuerySchema } from '../../../common/schemas/task.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { TasksTable } from '../../db/tables/delivery.js';
import { fieldError } from '../../lib/errors.js';
import { afterCursor, afterKeys, decodeCursor, toPage } from '../../lib/pagination.js';
import { matchesText } from '../../lib/text.js';
import { taskScope, type Actor } from '../access/index.js';

type TaskListQuery = z.output<typeof TaskListQuerySchema>;

/** Open work first, the most pressing status first: blocked, in progress, review, to do; then done. */
const STATUS_RANK = sql<number>`case tasks.status when 'blocked' then 0 when 'in_progress' then 1 when 'review' then 2 when 'todo' then 3 else 4 end`;
const STATUS_RANKS = 5;
/** Due dates are within 1970–2100, so an undated task sorts after every dated one. */
const NO_DUE_DATE = '9999-12-31';
const DUE_KEY = sql<string>`coalesce(tasks.due_date, ${NO_DUE_DATE})`;

export class TaskRepository {
  constructor(private readonly db: Database) {}

  /** Tasks with the names a task card shows and the account owners for write checks. */
  base(trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('tasks')
      .innerJoin('projects', 'projects.id', 'tasks.project_id')
      .innerJoin('accounts', 'accounts.id', 'tasks.account_id')
      .leftJoin('users', 'users.id', 'tasks.assignee_id')
      .leftJoin('milestones', 'milestones.id', 'tasks.milestone_id')
      .selectAll('tasks')
      .select([
        'projects.name as project_name',
        'projects.currency as project_currency',
        'accounts.name as account_name',
        'milestones.title as milestone_title',
        'users.name as assignee_name',
        'accounts.owner_id',
        'accounts.backup_owner_id',
      ]);
  }

  find(id: string, trx?: Kysely<DB>) {
    return this.base(trx).where('tasks.id', '=', id).executeTakeFirst();
  }

  findReadable(actor: Actor, id: string, trx?: Kysely<DB>) {
    return this.base(trx)
      .where('tasks.id', '=', id)
      .where((eb) => taskScope(actor, eb))
      .executeTakeFirst();
  }

  async list(actor: Actor, f: TaskListQuery) {
    let q = this.base()
      .where((eb) => taskScope(actor, eb))
      .limit(f.limit + 1);
    if (f.projectId) q = q.where('tasks.project_id', '=', f.projectId);
    if (f.accountId) q = q.where('tasks.account_id', '=', f.accountId);
    if (f.assigneeId) q = q.where('tasks.assignee_id', '=', f.assigneeId === 'me' ? actor.id : f.assigneeId);
    if (f.status) q = q.where('tasks.status', '=', f.status);
    if (f.open === 'true') q = q.where('tasks.status', '!=', 'done');
    if (f.open === 'false') q = q.where('tasks.status', '=', 'done');
    if (f.q) q = q.where(matchesText('tasks.search_text', f.q));
    if (f.sort === 'status') {
      const pos = decodeCursor(f.cursor, 'date');
      if (pos) q = q.where(afterKeys([STATUS_RANK, DUE_KEY, sql.ref('tasks.id')], [rankOf(pos.r), pos.v, pos.id]));
      const rows = await q.orderBy(STATUS_RANK).orderBy(DUE_KEY).orderBy('tasks.id').select(STATUS_RANK.as('status_rank')).execute();
      return toPage(rows, f.limit, (r) => ({ r: Number(r.status_rank), v: r.due_date ?? NO_DUE_DATE, id: r.id }));
    }
    if (f.sort === 'due') {
      const pos = decodeCursor(f.cursor, 'date');
      if (pos) q = q.where(afterKeys([DUE_KEY, sql.ref('tasks.id')], [pos.v, pos.id]));
      return toPage(await q.orderBy(DUE_KEY).orderBy('tasks.id').execute(), f.limit, (r) => ({ v: r.due_date ?? NO_DUE_DATE, id: r.id }));
    }
    const pos = decodeCursor(f.cursor, 'timestamp');
    if (pos) q = q.where((eb) => afterCursor(eb, 'tasks.created_at', 'tasks.id', 'desc', pos));
    const rows = await q.orderBy('tasks.created_at', 'desc').orderBy('tasks.id', 'desc').execute();
    return toPage(rows, f.limit, (r) => ({ v: r.created_at, id: r.id }));
  }

  /** Open tasks past their due date, oldest first, within the actor's scope (and one owner's accounts). */
  late(actor: Actor, today: string, ownerId: string | null) {
    return this.scoped(actor, ownerId)
      .where('tasks.status', '!=', 'done')
      .where('tasks.due_date', '<', today)
      .orderBy('tasks.due_date')
      .orderBy('tasks.id')
      .limit(200)
      .execute();
  }

  /** Blocked tasks, longest blocked first. */
  blocked(actor: Actor, ownerId: string | null) {
    return this.scoped(actor, ownerId)
      .where('tasks.status', '=', 'blocked')
      .orderBy('tasks.updated_at')
      .orderBy('tasks.id')
      .limit(200)
      .execute();
  }

  private scoped(actor: Actor, ownerId: string | null) {
    const q = this.base().where((eb) => taskScope(actor, eb));
    return ownerId ? q.where('accounts.owner_id', '=', ownerId) : q;
  }

  async insert(trx: Kysely<DB>, row: Insertable<TasksTable>) {
    await trx.insertInto('tasks').values(row).execute();
  }

  async delete(trx: Kysely<DB>, id: string) {
    await trx.deleteFrom('tasks').where('id', '=', id).execute();
  }
}

/** The status rank a cursor carries; a tampered one is a 400. */
function rankOf(rank: unknown): number {
  if (typeof rank === 'number' && Number.isInteger(rank) && rank >= 0 && rank < STATUS_RANKS) return rank;
  throw fieldError('cursor', 'validation.cursor');
}

export type TaskRow = NonNullable<Awaited<ReturnType<TaskRepository['find']>>>;
