import type { Account } from '../../../common/schemas/account.js';
import { columnsOf } from '../../lib/export/index.js';

const c = columnsOf<Account>();

/** The accounts list as a file: what the list shows, in a stable order. */
export const ACCOUNT_COLUMNS = [
  c.text({ en: 'Name', ru: 'Название' }, (a) => a.name),
  c.text({ en: 'Status', ru: 'Статус' }, (a) => a.status),
  c.text({ en: 'Industry', ru: 'Отрасль' }, (a) => a.industry),
  c.text({ en: 'Website', ru: 'Сайт' }, (a) => a.website),
  c.text({ en: 'Currency', ru: 'Валюта' }, (a) => a.currency),
  c.number({ en: 'Payment terms, days', ru: 'Отсрочка платежа, дней' }, (a) => a.paymentTermsDays),
  c.money(
    { en: 'Credit limit', ru: 'Кредитный лимит' },
    (a) => a.creditLimitMinor,
    (a) => a.currency,
  ),
  c.text({ en: 'Language', ru: 'Язык' }, (a) => a.language),
  c.number({ en: 'Health score', ru: 'Оценка здоровья' }, (a) => a.health?.score),
  c.text({ en: 'Health grade', ru: 'Уровень здоровья' }, (a) => a.health?.grade),
  c.timestamp({ en: 'Created', ru: 'Создан' }, (a) => a.createdAt),
  c.timestamp({ en: 'Updated', ru: 'Изменён' }, (a) => a.updatedAt),
];
