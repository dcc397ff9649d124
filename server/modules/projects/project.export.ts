import type { Project } from '../../../common/schemas/project.js';
import { columnsOf } from '../../lib/export/index.js';

const c = columnsOf<Project>();

/** The projects list as a file (the budget is empty where the list hides it from the reader). */
export const PROJECT_COLUMNS = [
  c.text({ en: 'Name', ru: 'Название' }, (p) => p.name),
  c.text({ en: 'Account', ru: 'Клиент' }, (p) => p.accountName),
  c.text({ en: 'Kind', ru: 'Вид работ' }, (p) => p.kind),
  c.text({ en: 'Stage', ru: 'Этап' }, (p) => p.stage),
  c.date({ en: 'Start date', ru: 'Начало' }, (p) => p.startDate),
  c.date({ en: 'Due date', ru: 'Срок' }, (p) => p.dueDate),
  c.boolean({ en: 'Late', ru: 'Просрочен' }, (p) => p.late),
  c.text({ en: 'Currency', ru: 'Валюта' }, (p) => p.currency),
  c.money(
    { en: 'Budget', ru: 'Бюджет' },
    (p) => p.budgetMinor,
    (p) => p.currency,
  ),
  c.text({ en: 'Plan status', ru: 'Статус плана' }, (p) => p.planStatus),
  c.timestamp({ en: 'Created', ru: 'Создан' }, (p) => p.createdAt),
];
