import type { Database } from '../../db/database.js';
import { feedTaskCondition, type FeedSource } from '../calendar-feeds/index.js';

/** Unfinished tasks by their due day: a specialist's own, a manager's accounts', or an account's. */
export const taskCalendar = (db: Database): FeedSource => ({
  name: 'tasks',
  async events(scope, window) {
    const condition = feedTaskCondition(scope);
    if (!condition) return [];
    const rows = await db
      .selectFrom('tasks')
      .innerJoin('projects', 'projects.id', 'tasks.project_id')
      .select(['tasks.id', 'tasks.title', 'tasks.due_date', 'projects.name as project_name'])
      .where('tasks.status', '<>', 'done')
      .where('tasks.due_date', '>=', window.from)
      .where('tasks.due_date', '<=', window.to)
      .where((eb) => condition(eb))
      .execute();
    return rows.map((r) => ({
      uid: `task-${r.id}`,
      summary: `${r.title} — ${r.project_name}`,
      path: `/tasks/${r.id}`,
      when: { date: r.due_date! },
    }));
  },
});
