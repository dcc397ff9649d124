import type { Message } from './render.js';

/** The cooperation analysis (satisfaction report): its scope. */
export const SATISFACTION_REPORT_MESSAGES = {
  'satisfaction_report.one_scope': {
    en: 'Choose an account or a manager, not both',
    ru: 'Выберите клиента или менеджера, но не обоих сразу',
  },
  'satisfaction_report.other_owner': {
    en: 'You can analyse your own accounts only.',
    ru: 'Вы можете анализировать только своих клиентов.',
  },
} satisfies Record<string, Message>;
