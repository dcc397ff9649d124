import type { Message } from './render.js';

/** Today: why each item needs attention, worded from its facts, and Today's own refusals. */
export const TODAY_MESSAGES = {
  'today.dismiss_reason_required': { en: 'Say why you dismiss it', ru: 'Укажите, почему вы убираете этот пункт' },
  'today.snooze_in_past': { en: 'Snooze until a day after today', ru: 'Отложите на день позже сегодняшнего' },
  'today.not_your_backup': {
    en: 'You can read a colleague’s Today only when you back up their accounts',
    ru: 'Смотреть «Сегодня» коллеги можно, только если вы его заместитель',
  },
  'today.read_only': { en: 'A colleague’s Today is read-only', ru: '«Сегодня» коллеги доступно только для чтения' },
  'today.reason.next_step_overdue': {
    en: 'Next step “{text}” was due {due:date} — {days:days} overdue',
    ru: 'Следующий шаг «{text}» был назначен на {due:date} — просрочен на {days:days}',
  },
  'today.reason.next_step_today': { en: 'Next step “{text}” is due today', ru: 'Следующий шаг «{text}» назначен на сегодня' },
  'today.reason.next_step_soon': { en: 'Next step “{text}” is due {due:date}', ru: 'Следующий шаг «{text}» назначен на {due:date}' },
  'today.reason.meeting_without_outcome': {
    en: 'The meeting of {date:date} has no outcome logged: “{summary}”',
    ru: 'У встречи {date:date} не записан итог: «{summary}»',
  },
  'today.reason.no_contact': {
    en: 'No contact for {days:days} (last on {last:date}); {status:accountStatus} accounts are contacted every {cadence:days}',
    ru: 'Нет контакта {days:days} (последний — {last:date}); с клиентами в статусе «{status:accountStatus}» связываются каждые {cadence:days}',
  },
  'today.reason.never_contacted': {
    en: 'No contact logged since the account was opened on {opened:date}; {status:accountStatus} accounts are contacted every {cadence:days}',
    ru: 'Ни одного контакта с открытия клиента {opened:date}; с клиентами в статусе «{status:accountStatus}» связываются каждые {cadence:days}',
  },
  'today.reason.invoice_overdue': {
    en: 'Invoice {number} is {days:days} overdue — {amount:money} unpaid',
    ru: 'Счёт {number} просрочен на {days:days} — не оплачено {amount:money}',
  },
  'today.reason.invoice_overdue_reminded': {
    en: 'Invoice {number} is {days:days} overdue — {amount:money} unpaid, reminder sent {sentOn:date}',
    ru: 'Счёт {number} просрочен на {days:days} — не оплачено {amount:money}, напоминание отправлено {sentOn:date}',
  },
  'today.reason.credit_limit_exceeded': {
    en: '{owed:money} owed, over the credit limit of {limit:money}',
    ru: 'Долг {owed:money} превышает кредитный лимит {limit:money}',
  },
  'today.reason.work_stopped': { en: 'Work stopped since {since:date}: {reason}', ru: 'Работы приостановлены с {since:date}: {reason}' },
  'today.reason.payment_desk': { en: 'Payment desk: {title}', ru: 'Работа с оплатами: {title}' },
  'today.reason.task_late': {
    en: 'Task “{title}” in {project} was due {due:date} — {days:days} late',
    ru: 'Задача «{title}» в проекте {project} должна была быть готова {due:date} — опоздание {days:days}',
  },
  'today.reason.task_due': {
    en: 'Task “{title}” in {project} is due {due:date}',
    ru: 'Задача «{title}» в проекте {project} должна быть готова {due:date}',
  },
  'today.reason.task_blocked': {
    en: 'Task “{title}” in {project} is blocked: {blocked}',
    ru: 'Задача «{title}» в проекте {project} заблокирована: {blocked}',
  },
  'today.reason.milestone_late': {
    en: 'Milestone “{title}” of {project} was due {due:date} and is not done — {days:days} late',
    ru: 'Этап «{title}» проекта {project} должен был завершиться {due:date} — опоздание {days:days}',
  },
  'today.reason.plan_waiting': {
    en: 'The plan of {project} has waited {days:days} for the client’s approval',
    ru: 'План проекта {project} ждёт согласования клиента {days:days}',
  },
  'today.reason.requirements_waiting': {
    en: '{count} requirements of {project} have waited up to {days:days} for the client to agree',
    ru: 'Требования проекта {project} ({count}) ждут согласия клиента до {days:days}',
  },
  'today.reason.claim_respond': {
    en: 'A {severity:claimSeverity} claim must be answered by {at:date}',
    ru: 'На претензию ({severity:claimSeverity}) нужно ответить до {at:date}',
  },
  'today.reason.claim_resolve': {
    en: 'A {severity:claimSeverity} claim must be resolved by {at:date}',
    ru: 'Претензию ({severity:claimSeverity}) нужно решить до {at:date}',
  },
  'today.reason.claim_respond_breached': {
    en: 'A {severity:claimSeverity} claim was not answered by its deadline {at:date}',
    ru: 'На претензию ({severity:claimSeverity}) не ответили в срок — до {at:date}',
  },
  'today.reason.claim_resolve_breached': {
    en: 'A {severity:claimSeverity} claim was not resolved by its deadline {at:date}',
    ru: 'Претензия ({severity:claimSeverity}) не решена в срок — до {at:date}',
  },
  'today.reason.account_unassigned': {
    en: '{name} ({status:accountStatus}) has no account manager',
    ru: 'У клиента {name} ({status:accountStatus}) нет менеджера',
  },
  'today.reason.corrective_check_due': {
    en: 'The effectiveness check of “{what}” is due {due:date}',
    ru: 'Проверка результативности мероприятия «{what}» назначена на {due:date}',
  },
  'today.reason.corrective_check_overdue': {
    en: 'The effectiveness check of “{what}” was due {due:date} — {days:days} late',
    ru: 'Проверка результативности мероприятия «{what}» была назначена на {due:date} — опоздание {days:days}',
  },
  'today.reason.corrective_action_overdue': {
    en: 'Corrective action “{what}” was due {due:date} — {days:days} overdue',
    ru: 'Корректирующее мероприятие «{what}» должно было быть выполнено {due:date} — просрочено на {days:days}',
  },
  'today.reason.deal_next_step_overdue': {
    en: 'Deal “{title}”: next step “{text}” was due {due:date} — {days:days} overdue',
    ru: 'Сделка «{title}»: следующий шаг «{text}» был назначен на {due:date} — просрочен на {days:days}',
  },
  'today.reason.deal_next_step_today': {
    en: 'Deal “{title}”: next step “{text}” is due today',
    ru: 'Сделка «{title}»: следующий шаг «{text}» назначен на сегодня',
  },
  'today.reason.deal_next_step_soon': {
    en: 'Deal “{title}”: next step “{text}” is due {due:date}',
    ru: 'Сделка «{title}»: следующий шаг «{text}» назначен на {due:date}',
  },
  'today.reason.deal_without_next_step': {
    en: 'Deal “{title}” ({stage:dealStage}) has no next step planned',
    ru: 'У сделки «{title}» (этап «{stage:dealStage}») не запланирован следующий шаг',
  },
  'today.reason.proposal_undecided': {
    en: 'The client opened proposal {number} for “{title}” on {viewed:date} and has not decided for {days:days}',
    ru: 'Клиент открыл предложение {number} по сделке «{title}» {viewed:date} и не принял решение уже {days:days}',
  },
  'today.reason.proposal_expiring': {
    en: 'Proposal {number} for “{title}” expires {until:date} and the client has not opened it',
    ru: 'Предложение {number} по сделке «{title}» действует до {until:date}, а клиент его не открывал',
  },
  'today.reason.proposal_expiring_viewed': {
    en: 'Proposal {number} for “{title}” expires {until:date}, undecided since the client opened it on {viewed:date}',
    ru: 'Предложение {number} по сделке «{title}» действует до {until:date}; клиент открыл его {viewed:date}, но не принял решение',
  },
  'today.reason.document_to_send': {
    en: 'The draft {kind:documentKind} “{title}” dated {date:date} is not sent yet',
    ru: 'Черновик ({kind:documentKind}) «{title}» от {date:date} ещё не отправлен',
  },
  'today.reason.signature_waiting': {
    en: 'The {kind:documentKind} {number} was sent for signature on {sent:date}; the client has not signed it for {days:days}',
    ru: 'Клиент не подписывает {kind:documentKind} {number} уже {days:days} (отправлен на подпись {sent:date})',
  },
  'today.reason.contract_ending': {
    en: 'Contract {number} ends on {end:date}, in {days:days}, and no renewal is in force',
    ru: 'Договор {number} заканчивается {end:date}, через {days:days}, а продление не оформлено',
  },
  'today.reason.status_report_unsent': {
    en: 'The status report of {project} for {from:date} – {to:date} was not sent: nobody in the project receives reports',
    ru: 'Отчёт о статусе проекта {project} за {from:date} – {to:date} не отправлен: в проекте нет получателей отчётов',
  },
  'today.reason.detractor_not_followed_up': {
    en: 'Low {survey} score {score} from {contact} on {answered:date} is not followed up: no claim, next step or contact since',
    ru: 'Низкая оценка {score} в опросе {survey} от {contact} ({answered:date}) осталась без ответа: с тех пор нет ни претензии, ни следующего шага, ни контакта',
  },
  'today.reason.brief_unanswered': {
    en: 'The brief of {project} has waited {days:days} for the client’s answers',
    ru: 'Бриф проекта {project} ждёт ответов клиента {days:days}',
  },
  'today.reason.milestone_at_risk': {
    en: 'Milestone “{title}” of {project} is due {due:date}: one person has {remaining} h of open work on it and {left} working hours are left',
    ru: 'Веха «{title}» проекта {project} должна быть готова {due:date}: у одного исполнителя по ней {remaining} ч открытой работы, а рабочих часов осталось {left}',
  },
  'today.reason.loyalty_downgrade_risk': {
    en: 'The account is within 10 % of losing the {tier} tier: {rules:loyaltyRule}',
    ru: 'Клиент в пределах 10 % от потери уровня «{tier}»: {rules:loyaltyRule}',
  },
  'today.days_whole': { en: 'Enter a whole number of days', ru: 'Укажите целое число дней' },
  'today.days_min': { en: 'At least {min:days}', ru: 'Не меньше {min:days}' },
  'today.days_max': { en: 'At most {max:days}', ru: 'Не больше {max:days}' },
} satisfies Record<string, Message>;
