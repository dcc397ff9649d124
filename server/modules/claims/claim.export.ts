import type { Claim } from '../../../common/schemas/claim.js';
import { columnsOf } from '../../lib/export/index.js';

const c = columnsOf<Claim>();

/** The claims list as a file: deadlines and whether they were missed. */
export const CLAIM_COLUMNS = [
  c.timestamp({ en: 'Opened', ru: 'Открыта' }, (x) => x.createdAt),
  c.text({ en: 'Account', ru: 'Клиент' }, (x) => x.accountName),
  c.text({ en: 'Project', ru: 'Проект' }, (x) => x.projectName),
  c.text({ en: 'Category', ru: 'Категория' }, (x) => x.category),
  c.text({ en: 'Severity', ru: 'Важность' }, (x) => x.severity),
  c.text({ en: 'Source', ru: 'Источник' }, (x) => x.source),
  c.text({ en: 'Status', ru: 'Статус' }, (x) => x.status),
  c.text({ en: 'Description', ru: 'Описание' }, (x) => x.description),
  c.timestamp({ en: 'Respond by', ru: 'Ответить до' }, (x) => x.respondBy),
  c.timestamp({ en: 'Resolve by', ru: 'Решить до' }, (x) => x.resolveBy),
  c.boolean({ en: 'Response late', ru: 'Ответ просрочен' }, (x) => x.respondBreached),
  c.boolean({ en: 'Resolution late', ru: 'Решение просрочено' }, (x) => x.resolveBreached),
  c.timestamp({ en: 'Responded at', ru: 'Ответ дан' }, (x) => x.respondedAt),
  c.timestamp({ en: 'Resolved at', ru: 'Решена' }, (x) => x.resolvedAt),
  c.text({ en: 'Root cause', ru: 'Причина' }, (x) => x.rootCause),
  c.text({ en: 'Closed how', ru: 'Как закрыта' }, (x) => x.closedHow),
  c.timestamp({ en: 'Closed at', ru: 'Закрыта' }, (x) => x.closedAt),
];
