import type { Database } from '../../db/database.js';
import { feedAccountCondition, type FeedSource } from '../calendar-feeds/index.js';

/** Open next steps by their due day: a person's own, or all of an account's. */
export const nextStepCalendar = (db: Database): FeedSource => ({
  name: 'next-steps',
  async events(scope, window) {
    let q = db
      .selectFrom('next_steps')
      .innerJoin('accounts', 'accounts.id', 'next_steps.account_id')
      .select(['next_steps.id', 'next_steps.text', 'next_steps.due_date', 'next_steps.account_id', 'accounts.name as account_name'])
      .where('next_steps.done_at', 'is', null)
      .where('next_steps.due_date', '>=', window.from)
      .where('next_steps.due_date', '<=', window.to);
    if ('subject' in scope) q = q.where('next_steps.owner_id', '=', scope.subject.id);
    else q = q.where((eb) => feedAccountCondition(scope)!(eb, 'next_steps.account_id'));
    const rows = await q.execute();
    return rows.map((r) => ({
      uid: `next-step-${r.id}`,
      summary: `${r.text} — ${r.account_name}`,
      path: `/accounts/${r.account_id}`,
      when: { date: r.due_date! },
    }));
  },
});
