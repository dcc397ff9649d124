import type { Message } from './render.js';

/** Claims: the workflow's rules, the settings, and the alerts of missed deadlines. */
export const CLAIM_MESSAGES = {
  'claim.key': {
    en: 'A key is 1–50 lowercase letters, digits or underscores',
    ru: 'Ключ — от 1 до 50 строчных латинских букв, цифр или подчёркиваний',
  },
  'claim.description_required': { en: 'Describe the problem', ru: 'Опишите проблему' },
  'claim.no_such_category': { en: 'Choose a category: {categories}', ru: 'Выберите категорию: {categories}' },
  'claim.illegal_move': {
    en: 'A claim cannot move from {from:claimStatus} to {to:claimStatus}. Allowed: {allowed:claimStatus}.',
    ru: 'Претензию нельзя перевести из статуса «{from:claimStatus}» в статус «{to:claimStatus}». Можно: {allowed:claimStatus}.',
  },
  'claim.root_cause_required': {
    en: 'A resolved claim needs its root cause: {rootCauses}',
    ru: 'Для решённой претензии укажите первопричину: {rootCauses}',
  },
  'claim.root_cause_note_required': {
    en: 'Say what the root cause was',
    ru: 'Опишите, в чём была первопричина',
  },
  'claim.root_cause_only_when_resolved': {
    en: 'A root cause is given when the claim is resolved',
    ru: 'Первопричину указывают при решении претензии',
  },
  'claim.not_resolved': {
    en: 'Only a resolved claim can be confirmed',
    ru: 'Подтвердить можно только решённую претензию',
  },
  'claim.not_specialist': { en: 'Link only active specialists', ru: 'Привязать можно только действующих специалистов' },
  'claim.list_required': { en: 'Keep at least one entry', ru: 'Оставьте хотя бы один пункт' },
  'claim.keys_unique': { en: 'Each entry needs its own key', ru: 'У каждого пункта должен быть свой ключ' },
  'claim.resolve_after_respond': {
    en: 'The time to resolve cannot be shorter than the time to respond',
    ru: 'Срок решения не может быть короче срока ответа',
  },
  'claim.survey_category': {
    en: 'Claims from surveys need one of the categories',
    ru: 'Для претензий из опросов выберите одну из категорий',
  },
  'claim.breach_subject': {
    en: 'Claim deadline missed: {account}',
    ru: 'Нарушен срок по претензии: {account}',
  },
  'claim.breach_respond': {
    en: 'The {severity:claimSeverity} claim of {account} was not responded to by {deadline}.',
    ru: 'На претензию клиента {account} (важность: {severity:claimSeverity}) не ответили до {deadline}.',
  },
  'claim.breach_resolve': {
    en: 'The {severity:claimSeverity} claim of {account} was not resolved by {deadline}.',
    ru: 'Претензию клиента {account} (важность: {severity:claimSeverity}) не решили до {deadline}.',
  },
  'claim.breach_open': { en: 'Open the claim', ru: 'Открыть претензию' },
} satisfies Record<string, Message>;
