import type { InvoiceSummary } from '../../../common/schemas/invoice.js';
import { columnsOf } from '../../lib/export/index.js';

const c = columnsOf<InvoiceSummary>();
const money = (en: string, ru: string, minor: (i: InvoiceSummary) => number) => c.money({ en, ru }, minor, (i) => i.currency);

/** The invoices list as a file: amounts as decimals beside their currency, never summed across currencies. */
export const INVOICE_COLUMNS = [
  c.text({ en: 'Number', ru: 'Номер' }, (i) => i.number),
  c.text({ en: 'Kind', ru: 'Вид' }, (i) => i.kind),
  c.text({ en: 'Status', ru: 'Статус' }, (i) => i.status),
  c.text({ en: 'Account', ru: 'Клиент' }, (i) => i.accountName),
  c.date({ en: 'Issue date', ru: 'Дата выставления' }, (i) => i.issueDate),
  c.date({ en: 'Due date', ru: 'Срок оплаты' }, (i) => i.dueDate),
  c.text({ en: 'Currency', ru: 'Валюта' }, (i) => i.currency),
  money('Subtotal', 'Без налога', (i) => i.subtotalMinor),
  money('Tax', 'Налог', (i) => i.taxMinor),
  money('Total', 'Итого', (i) => i.totalMinor),
  money('Paid', 'Оплачено', (i) => i.paidMinor),
  money('Credited', 'Сторнировано', (i) => i.creditedMinor),
  money('Balance', 'К оплате', (i) => i.balanceMinor),
  c.number({ en: 'Days overdue', ru: 'Дней просрочки' }, (i) => i.daysOverdue),
  c.timestamp({ en: 'Voided at', ru: 'Аннулирован' }, (i) => i.voidedAt),
  c.timestamp({ en: 'Created', ru: 'Создан' }, (i) => i.createdAt),
];
