import type { Interaction } from '../../../common/schemas/interaction.js';
import { columnsOf } from '../../lib/export/index.js';

const c = columnsOf<Interaction>();

/** The interactions list as a file (links to other records by their ids, as the list gives them). */
export const INTERACTION_COLUMNS = [
  c.timestamp({ en: 'Occurred at', ru: 'Когда' }, (i) => i.occurredAt),
  c.text({ en: 'Type', ru: 'Тип' }, (i) => i.type),
  c.text({ en: 'Summary', ru: 'Содержание' }, (i) => i.summary),
  c.text({ en: 'Outcome', ru: 'Итог' }, (i) => i.outcome),
  c.text({ en: 'Next step', ru: 'Следующий шаг' }, (i) => i.nextStep),
  c.date({ en: 'Next step due', ru: 'Срок следующего шага' }, (i) => i.nextStepDue),
  c.text({ en: 'Account ID', ru: 'ID клиента' }, (i) => i.accountId),
  c.text({ en: 'Deal ID', ru: 'ID сделки' }, (i) => i.dealId),
  c.text({ en: 'Project ID', ru: 'ID проекта' }, (i) => i.projectId),
  c.number({ en: 'Contacts', ru: 'Контактов' }, (i) => i.contactIds.length),
  c.timestamp({ en: 'Created', ru: 'Создано' }, (i) => i.createdAt),
];
