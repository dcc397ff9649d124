import type { Insertable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { TaskCommentsTable } from '../../db/tables/delivery.js';

/** The `task_comments` table, read with each author's name. */
export class TaskCommentRepository {
  constructor(private readonly db: Database) {}

  ofTask(taskId: string) {
    return this.db
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
  }

  async insert(row: Insertable<TaskCommentsTable>) {
    await this.db.insertInto('task_comments').values(row).execute();
  }
}
