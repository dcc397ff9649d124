import type { DocumentSummary } from '../../../common/schemas/document.js';
import { columnsOf } from '../../lib/export/index.js';

const c = columnsOf<DocumentSummary>();

/** The documents registry as a file. */
export const DOCUMENT_COLUMNS = [
  c.text({ en: 'Number', ru: 'Номер' }, (d) => d.number),
  c.text({ en: 'Kind', ru: 'Вид' }, (d) => d.kind),
  c.text({ en: 'Status', ru: 'Статус' }, (d) => d.status),
  c.text({ en: 'Title', ru: 'Название' }, (d) => d.title),
  c.text({ en: 'Account', ru: 'Клиент' }, (d) => d.accountName),
  c.text({ en: 'Project', ru: 'Проект' }, (d) => d.projectName),
  c.text({ en: 'Language', ru: 'Язык' }, (d) => d.language),
  c.date({ en: 'Issue date', ru: 'Дата' }, (d) => d.issueDate),
  c.date({ en: 'Period from', ru: 'Период с' }, (d) => d.periodFrom),
  c.date({ en: 'Period to', ru: 'Период по' }, (d) => d.periodTo),
  c.text({ en: 'Currency', ru: 'Валюта' }, (d) => d.currency),
  c.money(
    { en: 'Total', ru: 'Сумма' },
    (d) => d.totalMinor,
    (d) => d.currency,
  ),
  c.timestamp({ en: 'Created', ru: 'Создан' }, (d) => d.createdAt),
];
