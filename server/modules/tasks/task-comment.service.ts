import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../access/index.js';
import type { UserService } from '../users/index.js';
import { TaskCommentRepository } from './task-comment.repository.js';
import type { TaskService } from './task.service.js';

/** Discussion on a task between the manager and the specialist. */
export class TaskCommentService {
  private readonly repo: TaskCommentRepository;

  constructor(
    db: Database,
    private readonly clock: Clock,
    private readonly tasks: TaskService,
    private readonly users: UserService,
  ) {
    this.repo = new TaskCommentRepository(db);
  }

  async list(actor: Actor, taskId: string) {
    await this.tasks.get(actor, taskId);
    const rows = await this.repo.ofTask(taskId);
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
    await this.repo.insert(row);
    const author = await this.users.findById(actor.id);
    return { id: row.id, taskId, authorId: actor.id, authorName: author?.name ?? null, body, createdAt: row.created_at };
  }
}
