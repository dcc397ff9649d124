import type { Message } from './render.js';

/** Objections: what clients object to on deals, and the settings of their categories. */
export const OBJECTION_MESSAGES = {
  'objection.text_required': { en: 'Write down the client’s words', ru: 'Запишите слова клиента' },
  'objection.no_such_deal': { en: 'There is no such deal', ru: 'Такой сделки нет' },
  'objection.unknown_category': {
    en: 'Choose one of the categories: {allowed}',
    ru: 'Выберите одну из категорий: {allowed}',
  },
  'objection.interaction_account': {
    en: 'The meeting must be one logged on the deal’s account',
    ru: 'Встреча должна быть записана у того же клиента, что и сделка',
  },
  'objection.unknown_answer': {
    en: 'There is no such answer in the playbook of this category',
    ru: 'В подсказках этой категории нет такого ответа',
  },
  'objection.categories_required': { en: 'Keep at least one category', ru: 'Оставьте хотя бы одну категорию' },
  'objection.categories_unique': { en: 'Each category needs its own key', ru: 'У каждой категории должен быть свой ключ' },
  'objection.category_in_use': {
    en: 'These categories have objections and must stay: {keys}',
    ru: 'По этим категориям уже есть возражения, их нельзя убрать: {keys}',
  },
  'objection.pin_required': { en: 'Write the recommended answer', ru: 'Напишите рекомендуемый ответ' },
} satisfies Record<string, Message>;
