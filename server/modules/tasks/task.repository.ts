import type { Insertable, Kysely } from 'kysely';
import type { z } from 'zod';
import type { TaskListQuerySchema } from '../../../common/schemas/task.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { TasksTable } from '../../db/tables/delivery.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';
import { matchesText } from '../../lib/text.js';
import { taskScope, type Actor } from '../access/index.js';

type TaskListQuery = z.output<typeof TaskListQuerySchema>;

export class TaskRepository {
  constructor(private readonly db: Database) {}

  /** Tasks with the names a task card shows and the account owners for write checks. */
  base(trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('tasks')
      .innerJoin('projects', 'projects.id', 'tasks.project_id')
      .innerJoin('accounts', 'accounts.id', 'tasks.account_id')
      .leftJoin('users', 'users.id', 'tasks.assignee_id')
      .selectAll('tasks')
      .select([
        'projects.name as project_name',
        'accounts.name as account_name',
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
    const pos = decodeCursor(f.cursor, 'timestamp');
    let q = this.base()
      .where((eb) => taskScope(actor, eb))
      .orderBy('tasks.created_at', 'desc')
      .orderBy('tasks.id', 'desc')
      .limit(f.limit + 1);
    if (f.projectId) q = q.where('tasks.project_id', '=', f.projectId);
    if (f.accountId) q = q.where('tasks.account_id', '=', f.accountId);
    if (f.assigneeId) q = q.where('tasks.assignee_id', '=', f.assigneeId === 'me' ? actor.id : f.assigneeId);
    if (f.status) q = q.where('tasks.status', '=', f.status);
    if (f.open === 'true') q = q.where('tasks.status', '!=', 'done');
    if (f.open === 'false') q = q.where('tasks.status', '=', 'done');
    if (f.q) q = q.where(matchesText('tasks.search_text', f.q));
    if (pos) q = q.where((eb) => afterCursor(eb, 'tasks.created_at', 'tasks.id', 'desc', pos));
    return toPage(await q.execute(), f.limit, (r) => ({ v: r.created_at, id: r.id }));
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

export type TaskRow = NonNullable<Awaited<ReturnType<TaskRepository['find']>>>;
