import type { Database } from '../../db/database.js';
import { agendaAccountScope } from '../access/index.js';
import type { FeedSource } from '../calendar-feeds/index.js';
import { actionTitleIn } from './wording.js';

/**
 * The payment desk's follow-up calls not yet made, on their day (the title names the account): a person's own (or their role's,
 * as on their Today: finance takes the calls given to finance), or all of an account's.
 */
export const followUpCallCalendar = (db: Database): FeedSource => ({
  name: 'follow-up-calls',
  async events(scope, window, language) {
    let q = db
      .selectFrom('billing_actions')
      .select(['billing_actions.id', 'billing_actions.title', 'billing_actions.wording', 'billing_actions.due_date'])
      .where('billing_actions.kind', '=', 'call')
      .where('billing_actions.done_at', 'is', null)
      .where('billing_actions.due_date', '>=', window.from)
      .where('billing_actions.due_date', '<=', window.to);
    if ('accountId' in scope) q = q.where('billing_actions.account_id', '=', scope.accountId);
    else {
      const accounts = agendaAccountScope(scope.subject, 'money');
      if (!accounts) return [];
      const { id, role } = scope.subject;
      q = q
        .where((eb) =>
          eb.or([
            eb('billing_actions.assignee_id', '=', id),
            eb.and([eb('billing_actions.assignee_id', 'is', null), eb('billing_actions.assignee_role', '=', role)]),
          ]),
        )
        .where((eb) => accounts(eb, 'billing_actions.account_id'));
    }
    const rows = await q.execute();
    return rows.map((r) => ({
      uid: `follow-up-call-${r.id}`,
      summary: actionTitleIn(r.wording, r.title, language),
      path: '/follow-ups',
      when: { date: r.due_date },
    }));
  },
});
