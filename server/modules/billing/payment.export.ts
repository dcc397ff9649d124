import type { Payment } from '../../../common/schemas/payment.js';
import { columnsOf } from '../../lib/export/index.js';

const c = columnsOf<Payment>();

/** The payments list as a file. */
export const PAYMENT_COLUMNS = [
  c.date({ en: 'Paid on', ru: 'Дата оплаты' }, (p) => p.paidOn),
  c.text({ en: 'Invoice', ru: 'Счёт' }, (p) => p.invoiceNumber),
  c.text({ en: 'Currency', ru: 'Валюта' }, (p) => p.currency),
  c.money(
    { en: 'Amount', ru: 'Сумма' },
    (p) => p.amountMinor,
    (p) => p.currency,
  ),
  c.text({ en: 'Method', ru: 'Способ' }, (p) => p.method),
  c.text({ en: 'Reference', ru: 'Основание' }, (p) => p.reference),
  c.text({ en: 'Status', ru: 'Статус' }, (p) => p.status),
  c.timestamp({ en: 'Reversed at', ru: 'Отменён' }, (p) => p.reversedAt),
  c.text({ en: 'Reversal reason', ru: 'Причина отмены' }, (p) => p.reversalReason),
  c.text({ en: 'Account ID', ru: 'ID клиента' }, (p) => p.accountId),
  c.timestamp({ en: 'Created', ru: 'Создан' }, (p) => p.createdAt),
];
