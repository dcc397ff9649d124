import type { Task } from '../../../common/schemas/task.js';
import { columnsOf } from '../../lib/export/index.js';

const c = columnsOf<Task>();

/** The tasks list as a file. */
export const TASK_COLUMNS = [
  c.text({ en: 'Title', ru: 'Задача' }, (t) => t.title),
  c.text({ en: 'Project', ru: 'Проект' }, (t) => t.projectName),
  c.text({ en: 'Account', ru: 'Клиент' }, (t) => t.accountName),
  c.text({ en: 'Assignee', ru: 'Исполнитель' }, (t) => t.assigneeName),
  c.text({ en: 'Role', ru: 'Роль' }, (t) => t.role),
  c.text({ en: 'Status', ru: 'Статус' }, (t) => t.status),
  c.text({ en: 'Blocked reason', ru: 'Причина блокировки' }, (t) => t.blockedReason),
  c.date({ en: 'Due date', ru: 'Срок' }, (t) => t.dueDate),
  c.boolean({ en: 'Late', ru: 'Просрочена' }, (t) => t.late),
  c.number({ en: 'Estimate, hours', ru: 'Оценка, ч' }, (t) => t.estimateHours),
  c.number({ en: 'Spent, hours', ru: 'Затрачено, ч' }, (t) => t.spentHours),
  c.date({ en: 'Done on', ru: 'Выполнена' }, (t) => t.doneOn),
  c.text({ en: 'Milestone', ru: 'Веха' }, (t) => t.milestoneTitle),
  c.timestamp({ en: 'Created', ru: 'Создана' }, (t) => t.createdAt),
];
