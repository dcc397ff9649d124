import type { Message } from './render.js';

/** Loyalty programmes: tiers' rules and benefits, referrals, and the owner's notices of moves. */
export const LOYALTY_MESSAGES = {
  'loyalty.percent': { en: 'Enter a percent from 0', ru: 'Укажите процент от 0' },
  'loyalty.percent_max': { en: 'At most {maximum} %', ru: 'Не больше {maximum} %' },
  'loyalty.threshold_positive': { en: 'The threshold must be above zero', ru: 'Порог должен быть больше нуля' },
  'loyalty.currency_twice': { en: 'Each currency only once', ru: 'Каждая валюта — только один раз' },
  'loyalty.whole_months': { en: 'Whole months', ru: 'Целое число месяцев' },
  'loyalty.whole_hours': { en: 'Whole hours', ru: 'Целое число часов' },
  'loyalty.nps_range': { en: 'An NPS score from 0 to 10', ru: 'Оценка NPS от 0 до 10' },
  'loyalty.deadline_percent': {
    en: 'Deadlines are 10–100 % of the normal hours',
    ru: 'Сроки — от 10 до 100 % обычных часов',
  },
  'loyalty.name_required': { en: 'Name the tier', ru: 'Назовите уровень' },
  'loyalty.rank': { en: 'A rank from 1 to 100 (higher is better)', ru: 'Ранг от 1 до 100 (чем выше, тем лучше)' },
  'loyalty.rank_taken': { en: 'Tier “{name}” already has rank {rank}', ru: 'У уровня «{name}» уже ранг {rank}' },
  'loyalty.name_taken': { en: 'A tier is already named “{name}”', ru: 'Уровень «{name}» уже есть' },
  'loyalty.amount_required': { en: 'Give an amount in at least one currency', ru: 'Укажите сумму хотя бы в одной валюте' },
  'loyalty.self_referral': { en: 'An account cannot refer itself', ru: 'Клиент не может рекомендовать сам себя' },
  'loyalty.referral_cycle': {
    en: 'That account was itself referred by this one',
    ru: 'Тот клиент сам пришёл по рекомендации этого',
  },
  'loyalty.upgrade_subject': { en: '{account} moved up to {tier}', ru: '{account}: повышение до уровня {tier}' },
  'loyalty.downgrade_subject': { en: '{account} moved down to {tier}', ru: '{account}: понижение до уровня {tier}' },
  'loyalty.digest_subject': {
    en: 'Loyalty tiers: {count} of your accounts moved',
    ru: 'Уровни лояльности: изменения у клиентов ({count})',
  },
  'loyalty.digest_intro': {
    en: 'The loyalty evaluation of {date} moved these accounts:',
    ru: 'Оценка лояльности {date} изменила уровень этих клиентов:',
  },
  'loyalty.digest_more': { en: '…and {count} more on the accounts’ pages.', ru: '…и ещё {count} — на страницах клиентов.' },
  'loyalty.upgrade_line': { en: '{account}: up from {from} to {to}', ru: '{account}: повышение с «{from}» до «{to}»' },
  'loyalty.downgrade_line': { en: '{account}: down from {from} to {to}', ru: '{account}: понижение с «{from}» до «{to}»' },
  'loyalty.no_tier': { en: 'no tier', ru: 'без уровня' },
  'loyalty.open_account': { en: 'Open the account', ru: 'Открыть клиента' },
  'loyalty.discount_line': {
    en: 'Loyalty discount — {tier} tier {percent} %',
    ru: 'Скидка за лояльность — уровень {tier}, {percent} %',
  },
} satisfies Record<string, Message>;
