import type { Message } from './render.js';

/** The sales (pipeline) report's period. */
export const DEAL_REPORT_MESSAGES = {
  'deal_report.month_or_date': {
    en: 'Use a month (YYYY-MM) or a date (YYYY-MM-DD)',
    ru: 'Укажите месяц (ГГГГ-ММ) или дату (ГГГГ-ММ-ДД)',
  },
  'deal_report.period_order': {
    en: 'The period must end on or after the day it starts',
    ru: 'Период должен заканчиваться не раньше, чем начинается',
  },
  'deal_report.period_length': {
    en: 'A period is at most {months} months long',
    ru: 'Период — не больше {months} мес.',
  },
} satisfies Record<string, Message>;
