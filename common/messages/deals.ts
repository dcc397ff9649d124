import type { Message } from './render.js';

/** Deals: the sales pipeline's rules and its settings. */
export const DEAL_MESSAGES = {
  'deal.title_required': { en: 'Name the deal', ru: 'Укажите название сделки' },
  'deal.probability': { en: 'A probability is a whole percent from 0 to 100', ru: 'Вероятность — целое число процентов от 0 до 100' },
  'deal.next_step_required': {
    en: 'An open deal needs a next step with a date',
    ru: 'У открытой сделки должен быть следующий шаг со сроком',
  },
  'deal.next_step_due_required': { en: 'Give the next step a date', ru: 'Укажите срок следующего шага' },
  'deal.owner': {
    en: 'The owner must be an active manager of this account',
    ru: 'Ответственным может быть только действующий менеджер этого клиента',
  },
  'deal.illegal_move': {
    en: 'A deal cannot move from {from:dealStage} to {to:dealStage}. Allowed: {allowed:dealStage}.',
    ru: 'Сделку нельзя перевести из этапа «{from:dealStage}» в этап «{to:dealStage}». Можно: {allowed:dealStage}.',
  },
  'deal.open_stage_only': { en: 'A deal is opened in an open stage', ru: 'Новая сделка открывается на одном из открытых этапов' },
  'deal.lost_reason_required': {
    en: 'Choose why the deal was lost: {reasons}',
    ru: 'Выберите причину проигрыша сделки: {reasons}',
  },
  'deal.won_note_required': {
    en: 'Say how the deal was won (for example, the agreement reached)',
    ru: 'Напишите, как была выиграна сделка (например, о чём договорились)',
  },
  'deal.not_open': {
    en: 'This deal is {stage:dealStage}; reopen it by moving it to an open stage',
    ru: 'Сделка уже закрыта (этап «{stage:dealStage}»); чтобы продолжить, переведите её на открытый этап',
  },
  'deal.reason_only_when_lost': { en: 'A reason is given only when a deal is lost', ru: 'Причину указывают, только если сделка проиграна' },
  'deal.meeting_next_step': {
    en: 'A meeting on an open deal must set the deal’s next step',
    ru: 'Встреча по открытой сделке должна задать следующий шаг сделки',
  },
  'deal.create_or_advance': {
    en: 'Either open a deal or advance one, not both',
    ru: 'Можно либо создать сделку, либо продвинуть существующую, но не всё сразу',
  },
  'deal.other_deal': {
    en: 'The interaction is linked to another deal than the one advanced',
    ru: 'Взаимодействие привязано не к той сделке, которую вы продвигаете',
  },
  'deal.reason_key': {
    en: 'A key is 1 to 50 lowercase Latin letters, digits or underscores',
    ru: 'Ключ — от 1 до 50 строчных латинских букв, цифр или знаков подчёркивания',
  },
  'deal.reasons_required': { en: 'Keep at least one reason', ru: 'Оставьте хотя бы одну причину' },
  'deal.reasons_unique': { en: 'Each reason needs its own key', ru: 'У каждой причины должен быть свой ключ' },
  'deal.closed_probability': {
    en: 'A won deal is 100% certain and a lost one 0%',
    ru: 'У выигранной сделки вероятность 100 %, у проигранной — 0 %',
  },
} satisfies Record<string, Message>;
