import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../access/actor.js';
import type { TaskService } from './task.service.js';

/** Discussion on a task between the manager and the specialist. */
export class TaskCommentService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly tasks: TaskService,
  ) {}

  async list(actor: Actor, taskId: string) {
    await this.tasks.get(actor, taskId);
    const rows = await this.db
      .selectFrom('task_comments')
      .leftJoin('users', 'users.id', 'task_comments.author_id')
      .select([
        'task_comments.id',
        'task_comments.task_id',
        'task_comments.author_id',
        'users.name',
        'task_comments.body',
        'task_comments.created_at',
      ])
      .where('task_comments.task_id', '=', taskId)
      .orderBy('task_comments.created_at')
      .orderBy('task_comments.id')
      .limit(500)
      .execute();
    return {
      items: rows.map((r) => ({
        id: r.id,
        taskId: r.task_id,
        authorId: r.author_id,
        authorName: r.name ?? null,
        body: r.body,
        createdAt: r.created_at,
      })),
    };
  }

  /** Anyone who can read the task can comment on it. */
  async add(actor: Actor, taskId: string, body: string) {
    await this.tasks.get(actor, taskId);
    const row = { id: newId(), task_id: taskId, author_id: actor.id, body, created_at: this.clock.now().toISOString() };
    await this.db.insertInto('task_comments').values(row).execute();
    const author = await this.db.selectFrom('users').select('name').where('id', '=', actor.id).executeTakeFirst();
    return { id: row.id, taskId, authorId: actor.id, authorName: author?.name ?? null, body, createdAt: row.created_at };
  }
}
