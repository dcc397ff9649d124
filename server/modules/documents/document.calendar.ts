import { renderMessage } from '../../../common/messages/index.js';
import type { Database } from '../../db/database.js';
import { feedAccountCondition, type FeedSource } from '../calendar-feeds/index.js';
import { CONTRACT_IN_FORCE } from './document.repository.js';

/** Contracts in force on their last day: the date a renewal has to be agreed by. */
export const contractEndCalendar = (db: Database): FeedSource => ({
  name: 'contract-ends',
  async events(scope, window, language) {
    const accounts = feedAccountCondition(scope);
    if (!accounts) return [];
    const rows = await db
      .selectFrom('documents')
      .innerJoin('accounts', 'accounts.id', 'documents.account_id')
      .select(['documents.id', 'documents.number', 'documents.title', 'documents.period_to', 'accounts.name as account_name'])
      .where('documents.kind', '=', 'contract')
      .where('documents.status', 'in', CONTRACT_IN_FORCE)
      .where('documents.period_to', '>=', window.from)
      .where('documents.period_to', '<=', window.to)
      .where((eb) => accounts(eb, 'documents.account_id'))
      .execute();
    return rows.map((r) => ({
      uid: `contract-end-${r.id}`,
      summary: renderMessage('document.calendar.contract_ends', { number: r.number ?? r.title ?? '', account: r.account_name }, language),
      path: `/documents/${r.id}`,
      when: { date: r.period_to! },
    }));
  },
});
