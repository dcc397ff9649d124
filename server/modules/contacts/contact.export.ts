import type { Contact } from '../../../common/schemas/contact.js';
import { columnsOf } from '../../lib/export/index.js';

const c = columnsOf<Contact>();

/** The contacts list as a file. */
export const CONTACT_COLUMNS = [
  c.text({ en: 'First name', ru: 'Имя' }, (x) => x.firstName),
  c.text({ en: 'Last name', ru: 'Фамилия' }, (x) => x.lastName),
  c.text({ en: 'Account', ru: 'Клиент' }, (x) => x.accountName),
  c.text({ en: 'Email', ru: 'Эл. почта' }, (x) => x.email),
  c.text({ en: 'Phone', ru: 'Телефон' }, (x) => x.phone),
  c.text({ en: 'Position', ru: 'Должность' }, (x) => x.position),
  c.text({ en: 'Decision role', ru: 'Роль в решении' }, (x) => x.decisionRole),
  c.boolean({ en: 'Portal access', ru: 'Доступ к порталу' }, (x) => x.portalAccess),
  c.boolean({ en: 'Receives reports', ru: 'Получает отчёты' }, (x) => x.receivesReports),
  c.text({ en: 'Language', ru: 'Язык' }, (x) => x.language),
  c.timestamp({ en: 'Created', ru: 'Создан' }, (x) => x.createdAt),
];
