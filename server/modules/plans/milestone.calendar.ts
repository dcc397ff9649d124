import type { Database } from '../../db/database.js';
import { feedAccountCondition, type FeedSource } from '../calendar-feeds/index.js';

/** Milestones not done, by their due day, on the accounts of the scope. */
export const milestoneCalendar = (db: Database): FeedSource => ({
  name: 'milestones',
  async events(scope, window) {
    const accounts = feedAccountCondition(scope);
    if (!accounts) return [];
    const rows = await db
      .selectFrom('milestones')
      .innerJoin('projects', 'projects.id', 'milestones.project_id')
      .select(['milestones.id', 'milestones.title', 'milestones.due_date', 'milestones.project_id', 'projects.name as project_name'])
      .where('milestones.status', '<>', 'done')
      .where('milestones.due_date', '>=', window.from)
      .where('milestones.due_date', '<=', window.to)
      .where((eb) => accounts(eb, 'projects.account_id'))
      .execute();
    return rows.map((r) => ({
      uid: `milestone-${r.id}`,
      summary: `${r.title} — ${r.project_name}`,
      path: `/projects/${r.project_id}`,
      when: { date: r.due_date },
    }));
  },
});
