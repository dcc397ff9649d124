import type { Deal } from '../../../common/schemas/deal.js';
import { columnsOf } from '../../lib/export/index.js';

const c = columnsOf<Deal>();

/** The deals list as a file: the amount as a decimal beside its currency (never a total across currencies). */
export const DEAL_COLUMNS = [
  c.text({ en: 'Title', ru: 'Название' }, (d) => d.title),
  c.text({ en: 'Account', ru: 'Клиент' }, (d) => d.accountName),
  c.text({ en: 'Account status', ru: 'Статус клиента' }, (d) => d.accountStatus),
  c.text({ en: 'Stage', ru: 'Этап' }, (d) => d.stage),
  c.text({ en: 'State', ru: 'Состояние' }, (d) => d.state),
  c.text({ en: 'Currency', ru: 'Валюта' }, (d) => d.currency),
  c.money(
    { en: 'Amount', ru: 'Сумма' },
    (d) => d.amount,
    (d) => d.currency,
  ),
  c.number({ en: 'Probability %', ru: 'Вероятность, %' }, (d) => d.probability),
  c.date({ en: 'Expected close', ru: 'Ожидаемое закрытие' }, (d) => d.expectedCloseDate),
  c.text({ en: 'Next step', ru: 'Следующий шаг' }, (d) => d.nextStep),
  c.date({ en: 'Next step date', ru: 'Срок следующего шага' }, (d) => d.nextStepDue),
  c.boolean({ en: 'Next step overdue', ru: 'Шаг просрочен' }, (d) => d.nextStepOverdue),
  c.text({ en: 'Owner', ru: 'Ответственный' }, (d) => d.ownerName),
  c.text({ en: 'Lost reason', ru: 'Причина проигрыша' }, (d) => d.lostReason),
  c.timestamp({ en: 'Closed at', ru: 'Закрыта' }, (d) => d.closedAt),
  c.timestamp({ en: 'Created', ru: 'Создана' }, (d) => d.createdAt),
];
