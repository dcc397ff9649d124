import type { BillingSettings, FollowUpLevel } from '../../../common/schemas/billing.js';

/**
 * The dunning ladder a new install starts with: a friendly reminder three days before the
 * due date, reminders after it, a call by the account manager at a week, a final notice at
 * two weeks, and at thirty days work stops and the manager and finance are alerted.
 * Placeholders: {{accountName}}, {{invoices}} (one line per invoice), {{totalDue}}.
 */
const level = (days: number, opts: Partial<FollowUpLevel> & Pick<FollowUpLevel, 'subject' | 'body'>): FollowUpLevel => ({
  days,
  sendEmail: true,
  attachInvoice: false,
  createCallTask: false,
  stopWork: false,
  alert: false,
  ...opts,
});

export const DEFAULT_FOLLOW_UP_LEVELS: FollowUpLevel[] = [
  level(-3, {
    attachInvoice: true,
    subject: { en: 'Friendly reminder: payment due soon', ru: 'Напоминание: скоро срок оплаты' },
    body: {
      en: 'Hello,\n\nA friendly reminder that these invoices for {{accountName}} are due soon:\n\n{{invoices}}\n\nTotal due: {{totalDue}}.\nIf you have already paid, please ignore this message. Thank you!',
      ru: 'Здравствуйте!\n\nНапоминаем, что скоро наступает срок оплаты счетов {{accountName}}:\n\n{{invoices}}\n\nИтого к оплате: {{totalDue}}.\nЕсли вы уже оплатили, просто не обращайте внимания на это письмо. Спасибо!',
    },
  }),
  level(1, {
    attachInvoice: true,
    subject: { en: 'Payment reminder: invoice overdue', ru: 'Напоминание об оплате: счёт просрочен' },
    body: {
      en: 'Hello,\n\nWe have not yet received payment for these invoices of {{accountName}}:\n\n{{invoices}}\n\nTotal due: {{totalDue}}. Please arrange payment at your earliest convenience.',
      ru: 'Здравствуйте!\n\nМы ещё не получили оплату по счетам {{accountName}}:\n\n{{invoices}}\n\nИтого к оплате: {{totalDue}}. Пожалуйста, оплатите их в ближайшее время.',
    },
  }),
  level(7, {
    createCallTask: true,
    subject: { en: 'Second reminder: invoice overdue', ru: 'Повторное напоминание: счёт просрочен' },
    body: {
      en: 'Hello,\n\nThese invoices of {{accountName}} are now a week or more overdue:\n\n{{invoices}}\n\nTotal due: {{totalDue}}. Your account manager will call you to help resolve this.',
      ru: 'Здравствуйте!\n\nСчета {{accountName}} просрочены на неделю и более:\n\n{{invoices}}\n\nИтого к оплате: {{totalDue}}. Ваш менеджер свяжется с вами, чтобы помочь решить вопрос.',
    },
  }),
  level(14, {
    attachInvoice: true,
    subject: { en: 'Final notice before work is paused', ru: 'Последнее напоминание перед приостановкой работ' },
    body: {
      en: 'Hello,\n\nThis is a final notice for these overdue invoices of {{accountName}}:\n\n{{invoices}}\n\nTotal due: {{totalDue}}. If they remain unpaid, we will have to pause work on your projects.',
      ru: 'Здравствуйте!\n\nЭто последнее напоминание о просроченных счетах {{accountName}}:\n\n{{invoices}}\n\nИтого к оплате: {{totalDue}}. Если они останутся неоплаченными, нам придётся приостановить работы по вашим проектам.',
    },
  }),
  level(30, {
    sendEmail: false,
    stopWork: true,
    alert: true,
    subject: { en: 'Work paused: invoices overdue', ru: 'Работы приостановлены: счета просрочены' },
    body: {
      en: 'Hello,\n\nBecause these invoices of {{accountName}} are 30 days overdue, work is paused until they are paid:\n\n{{invoices}}\n\nTotal due: {{totalDue}}.',
      ru: 'Здравствуйте!\n\nПоскольку счета {{accountName}} просрочены на 30 дней, работы приостановлены до их оплаты:\n\n{{invoices}}\n\nИтого к оплате: {{totalDue}}.',
    },
  }),
];

export const DEFAULT_BILLING_SETTINGS: BillingSettings = {
  timeZone: 'UTC',
  followUpTime: '09:00',
  invoiceNumberFormat: '{YYYY}-{NNNNNN}',
  levels: DEFAULT_FOLLOW_UP_LEVELS,
};
