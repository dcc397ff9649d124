import type { Message } from './render.js';

/** Account health: the facts behind each component's score, in the reader's language. */
export const HEALTH_MESSAGES = {
  'health.weight': { en: 'A whole weight from 0 to 100', ru: 'Вес — целое число от 0 до 100' },
  'health.points': { en: 'Whole points from 1 to 100', ru: 'Целое число баллов от 1 до 100' },
  'health.weights_zero': { en: 'Give at least one component a weight', ru: 'Задайте вес хотя бы одной составляющей' },
  'health.thresholds_order': {
    en: 'The healthy threshold must be above the at-risk one',
    ru: 'Порог «в порядке» должен быть выше порога «под угрозой»',
  },
  'health.fact.no_invoices': { en: 'No invoice fell due in the last 180 days', ru: 'За последние 180 дней не было счетов к оплате' },
  'health.fact.paid_on_time': {
    en: 'Every invoice due in the last 180 days was paid on time ({count})',
    ru: 'Все счета за последние 180 дней оплачены вовремя ({count})',
  },
  'health.fact.days_late': {
    en: 'Invoices due in the last 180 days were paid {days:days} late on average',
    ru: 'Счета за последние 180 дней оплачивались в среднем с опозданием на {days:days}',
  },
  'health.fact.overdue': {
    en: 'Overdue invoices: {count} — {amount:money} unpaid',
    ru: 'Просроченных счетов: {count} — не оплачено {amount:money}',
  },
  'health.fact.overdue_vs_limit': {
    en: 'Overdue invoices: {count} — {amount:money} unpaid, {percent} % of the credit limit of {limit:money}',
    ru: 'Просроченных счетов: {count} — не оплачено {amount:money}, это {percent} % кредитного лимита {limit:money}',
  },
  'health.fact.no_surveys': { en: 'No NPS or CSAT answer yet', ru: 'Пока нет ответов NPS или CSAT' },
  'health.fact.nps_promoter': { en: 'NPS {score} on {on:date} — a promoter', ru: 'NPS {score} от {on:date} — промоутер' },
  'health.fact.nps_passive': { en: 'NPS {score} on {on:date} — passive', ru: 'NPS {score} от {on:date} — нейтральный' },
  'health.fact.nps_detractor': { en: 'NPS {score} on {on:date} — a detractor', ru: 'NPS {score} от {on:date} — критик' },
  'health.fact.csat': { en: 'CSAT {score} of 5 on {on:date}', ru: 'CSAT {score} из 5 от {on:date}' },
  'health.fact.score_fell': { en: '{kind} fell from {previous} to {score}', ru: '{kind} снизился с {previous} до {score}' },
  'health.fact.score_rose': { en: '{kind} rose from {previous} to {score}', ru: '{kind} вырос с {previous} до {score}' },
  'health.fact.no_claims': { en: 'No claims in the last 12 months', ru: 'За последние 12 месяцев претензий не было' },
  'health.fact.claims_open': {
    en: 'Open claims: {count}, the most severe {severity:claimSeverity}',
    ru: 'Открытых претензий: {count}, самая серьёзная — {severity:claimSeverity}',
  },
  'health.fact.claims_none_open': {
    en: 'No open claims ({count} in the last 12 months, all closed)',
    ru: 'Открытых претензий нет (за 12 месяцев — {count}, все закрыты)',
  },
  'health.fact.claims_breached': { en: 'Claims past a deadline: {count}', ru: 'Претензий с нарушенным сроком: {count}' },
  'health.fact.no_work': { en: 'No open tasks or milestones', ru: 'Нет открытых задач и вех' },
  'health.fact.work_on_track': {
    en: 'Open tasks: {tasks}, open milestones: {milestones} — none late or blocked',
    ru: 'Открытых задач: {tasks}, открытых вех: {milestones} — без опозданий и блокировок',
  },
  'health.fact.tasks_late': { en: 'Late tasks: {count} of {open} open', ru: 'Просроченных задач: {count} из {open} открытых' },
  'health.fact.tasks_blocked': { en: 'Blocked tasks: {count}', ru: 'Заблокированных задач: {count}' },
  'health.fact.milestones_late': { en: 'Late milestones: {count} of {open} open', ru: 'Просроченных вех: {count} из {open} открытых' },
  'health.fact.no_engagement': { en: 'No contact or next step logged yet', ru: 'Пока не записано ни контактов, ни следующих шагов' },
  'health.fact.contact_recent': {
    en: 'Last two-way contact {days:days} ago; {status:accountStatus} accounts are contacted every {cadence:days}',
    ru: 'Последний контакт {days:days} назад; с клиентами в статусе «{status:accountStatus}» связываются каждые {cadence:days}',
  },
  'health.fact.contact_overdue': {
    en: 'No two-way contact for {days:days}; {status:accountStatus} accounts are contacted every {cadence:days}',
    ru: 'Нет контакта {days:days}; с клиентами в статусе «{status:accountStatus}» связываются каждые {cadence:days}',
  },
  'health.fact.contact_last': { en: 'Last two-way contact {days:days} ago', ru: 'Последний контакт {days:days} назад' },
  'health.fact.never_contacted': { en: 'No meeting, call or email logged', ru: 'Не записано ни встреч, ни звонков, ни писем' },
  'health.fact.next_steps_overdue': {
    en: 'Overdue next steps: {count} of {open} open',
    ru: 'Просроченных следующих шагов: {count} из {open} открытых',
  },
  'health.fact.next_steps_on_time': {
    en: 'Open next steps: {open}, none overdue',
    ru: 'Открытых следующих шагов: {open}, просроченных нет',
  },
  'health.fact.no_commercial': { en: 'No deals and no loyalty tier', ru: 'Нет сделок и уровня лояльности' },
  'health.fact.deals_open': { en: 'Open deals: {count}', ru: 'Открытых сделок: {count}' },
  'health.fact.no_open_deal': { en: 'No open deal', ru: 'Открытых сделок нет' },
  'health.fact.deals_won': { en: 'Deals won in the last 12 months: {count}', ru: 'Выигранных сделок за 12 месяцев: {count}' },
  'health.fact.deals_lost': { en: 'Deals lost in the last 12 months: {count}', ru: 'Проигранных сделок за 12 месяцев: {count}' },
  'health.fact.tier_held': { en: 'Loyalty tier {tier}', ru: 'Уровень лояльности {tier}' },
  'health.fact.tier_up': { en: 'Moved up to {to} on {on:date}', ru: 'Повышение до уровня {to} {on:date}' },
  'health.fact.tier_down': { en: 'Moved down to {to} on {on:date}', ru: 'Понижение до уровня {to} {on:date}' },
  'health.fact.tier_lost': { en: 'Lost tier {from} on {on:date}', ru: 'Потерян уровень {from} {on:date}' },
  'health.reason.drop': { en: 'Health fell from {from} to {to}: {why}', ru: 'Здоровье клиента упало с {from} до {to}: {why}' },
  'health.reason.at_risk': {
    en: 'Health is at risk: {to}, was {from}: {why}',
    ru: 'Здоровье клиента под угрозой: {to}, было {from}: {why}',
  },
} satisfies Record<string, Message>;
