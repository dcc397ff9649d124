import type { Message } from './render.js';

/** Corrective actions: what they need, and the check that is the only way to close one. */
export const CORRECTIVE_ACTION_MESSAGES = {
  'corrective.what_required': { en: 'Say what will change', ru: 'Опишите, что изменится' },
  'corrective.claim_or_root_cause': {
    en: 'An action is for one claim or for a root cause: give a claim or a root cause, not both',
    ru: 'Действие относится к одной претензии или к первопричине: укажите претензию или первопричину, но не то и другое',
  },
  'corrective.check_after_due': {
    en: 'The check date cannot come before the due date',
    ru: 'Дата проверки не может быть раньше срока выполнения',
  },
  'corrective.no_such_root_cause': {
    en: 'Choose a configured root cause: {rootCauses}',
    ru: 'Выберите первопричину из настроенных: {rootCauses}',
  },
  'corrective.no_such_claim': { en: 'No such claim among those you manage', ru: 'Среди ваших претензий такой нет' },
  'corrective.owner_not_staff': {
    en: 'The owner must be an active admin or account manager',
    ru: 'Ответственным может быть только действующий администратор или менеджер',
  },
  'corrective.result_required': {
    en: 'Choose the check’s result: effective or not effective',
    ru: 'Выберите результат проверки: действие сработало или не сработало',
  },
  'corrective.follow_up_required': {
    en: 'An action that did not work needs a follow-up action: say what, who and by when',
    ru: 'Если действие не сработало, нужно новое: что, кто и к какому сроку',
  },
  'corrective.follow_up_only_when_not_effective': {
    en: 'A follow-up action is only opened when the action did not work',
    ru: 'Новое действие открывается, только если прежнее не сработало',
  },
  'corrective.already_checked': {
    en: 'This action is closed: its check is recorded',
    ru: 'Действие закрыто: проверка уже записана',
  },
} satisfies Record<string, Message>;
