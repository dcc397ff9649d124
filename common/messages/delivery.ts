import type { Message } from './render.js';

/** Projects, plans, requirements, briefs and tasks. */
export const DELIVERY_MESSAGES = {
  'project.name_required': { en: 'Enter the project name', ru: 'Введите название проекта' },
  'project.start_stage': { en: 'A new project starts in brief or planning', ru: 'Новый проект начинается с этапа брифа или планирования' },
  'project.stage_not_allowed': {
    en: 'A project in {from:stage} can move to {allowed:stage}, not {to:stage}.',
    ru: 'Проект на этапе «{from:stage}» можно перевести на этапы: {allowed:stage}, но не «{to:stage}».',
  },
  'project.stage_field': { en: 'Not allowed from {from:stage}', ru: 'Недоступно с этапа «{from:stage}»' },
  'project.dates_order': { en: 'The due date cannot be before the start date', ru: 'Срок не может быть раньше даты начала' },
  'project.team_specialists': {
    en: 'Every team member must be an active specialist',
    ru: 'В команде могут быть только активные специалисты',
  },
  'project.not_of_account': { en: 'No project with this id on this account', ru: 'У этого клиента нет такого проекта' },

  'plan.already_submitted': { en: 'The plan is already waiting for the client’s approval.', ru: 'План уже ждёт согласования клиентом.' },
  'plan.already_approved': {
    en: 'The plan is approved; change a milestone to start a new round.',
    ru: 'План согласован; измените веху, чтобы начать новый круг согласования.',
  },
  'plan.no_milestones': {
    en: 'Add at least one milestone before sending the plan for approval.',
    ru: 'Добавьте хотя бы одну веху, прежде чем отправлять план на согласование.',
  },
  'plan.not_submitted': {
    en: 'The plan is {status:planStatus}; it must be sent for approval first.',
    ru: 'План — {status:planStatus}; сначала отправьте его на согласование.',
  },
  'plan.approved_already': {
    en: 'This plan is already approved; there is nothing left to approve or send back.',
    ru: 'Этот план уже согласован: согласовывать или возвращать на доработку больше нечего.',
  },
  'plan.changes_comment': { en: 'Say what should change in the plan', ru: 'Напишите, что нужно изменить в плане' },
  'plan.approver': {
    en: 'Only the client or the account manager can approve the plan.',
    ru: 'Согласовать план может только клиент или аккаунт-менеджер.',
  },
  'plan.approval_note': {
    en: 'Say how the client approved (for example “approved by email on 3 May”)',
    ru: 'Укажите, как клиент согласовал план (например, «согласовано письмом 3 мая»)',
  },
  'reminder.nothing_waiting': {
    en: 'Nothing in this project waits for the client: the plan is not sent and no requirement waits for agreement.',
    ru: 'В проекте ничего не ждёт клиента: план не отправлен, требований на согласовании нет.',
  },
  'reminder.no_portal_contact': {
    en: 'No contact of this account with portal access has an email address. Give one portal access first.',
    ru: 'Ни у одного контакта клиента с доступом к порталу нет адреса почты. Сначала откройте доступ к порталу.',
  },
  'reminder.already_today': {
    en: 'The client was already reminded about this project today.',
    ru: 'Сегодня клиенту уже напоминали об этом проекте.',
  },
  'reminder.subject': { en: 'Waiting for your approval: {project}', ru: 'Ждём вашего согласования: {project}' },
  'reminder.greeting': { en: 'Hello,', ru: 'Здравствуйте!' },
  'reminder.intro': {
    en: 'In the project “{project}” these wait for your approval:',
    ru: 'В проекте «{project}» вашего согласования ждут:',
  },
  'reminder.plan': { en: '• the work plan, sent on {date}', ru: '• план работ, отправленный {date}' },
  'reminder.requirement': { en: '• the requirement “{text}”, since {date}', ru: '• требование «{text}», с {date}' },
  'reminder.portal': {
    en: 'You can review and approve them in the client portal: {url}',
    ru: 'Посмотреть и согласовать их можно на портале клиента: {url}',
  },
  'reminder.reply': {
    en: 'If you have questions, just reply to this email.',
    ru: 'Если есть вопросы, просто ответьте на это письмо.',
  },
  'milestone.title_required': { en: 'Enter the milestone title', ru: 'Введите название вехи' },
  'milestone.other_project': { en: 'The milestone must belong to the same project', ru: 'Веха должна относиться к тому же проекту' },

  'requirement.text_required': { en: 'Describe the requirement', ru: 'Опишите требование' },
  'requirement.decision_note': {
    en: 'Say how the client decided (for example “agreed in the meeting on 3 May”)',
    ru: 'Укажите, как клиент принял решение (например, «согласовано на встрече 3 мая»)',
  },
  'requirement.decline_reason': { en: 'Say why the requirement is declined', ru: 'Укажите, почему требование отклонено' },
  'requirement.already_decided': { en: 'The requirement is already {status:decision}.', ru: 'Требование уже {status:decision}.' },
  'requirement.agreed_not_deletable': {
    en: 'An agreed requirement cannot be deleted; change it or reject it instead.',
    ru: 'Согласованное требование нельзя удалить; измените или отклоните его.',
  },
  'requirement.editor': {
    en: 'Only the account manager can change requirements.',
    ru: 'Изменять требования может только аккаунт-менеджер.',
  },
  'requirement.decider': {
    en: 'Only the client or the account manager can agree requirements.',
    ru: 'Согласовывать требования может только клиент или аккаунт-менеджер.',
  },

  'brief.answerer': {
    en: 'Only the account manager or the client can answer the brief.',
    ru: 'Отвечать на бриф может только аккаунт-менеджер или клиент.',
  },
  'brief.already_submitted': {
    en: 'This brief was already sent as complete; answers can still be corrected.',
    ru: 'Этот бриф уже отправлен как заполненный; ответы по-прежнему можно исправить.',
  },
  'brief.incomplete': {
    en: 'Answer every question before sending the brief ({count} left).',
    ru: 'Ответьте на все вопросы, прежде чем отправлять бриф (осталось: {count}).',
  },
  'brief.unknown_question': { en: 'No question "{questionId}" in this brief', ru: 'В брифе нет вопроса «{questionId}»' },
  'brief.duplicate_question': { en: 'Each question needs its own id', ru: 'У каждого вопроса должен быть свой идентификатор' },
  'brief.answer_required': { en: 'Write an answer', ru: 'Напишите ответ' },
  'brief.questions_required': { en: 'Give the questions of at least one language', ru: 'Укажите вопросы хотя бы на одном языке' },
  'brief.questions_twice': {
    en: 'Give the English questions once: in questions or in questionsByLanguage.en',
    ru: 'Укажите английские вопросы один раз: в questions или в questionsByLanguage.en',
  },

  'task.title_required': { en: 'Enter the task title', ru: 'Введите название задачи' },
  'task.hours': { en: 'Hours are a number from 0 to 10000', ru: 'Часы — число от 0 до 10000' },
  'task.blocked_reason': { en: 'Say what blocks the task', ru: 'Укажите, что мешает выполнить задачу' },
  'task.assignee_specialist': { en: 'Assign the task to an active specialist', ru: 'Назначьте задачу активному специалисту' },
  'task.unknown_role': { en: 'Role is one of: {roles:specialistRole}', ru: 'Роль — одна из: {roles:specialistRole}' },
  'task.specialist_fields': {
    en: 'You can change the status, time spent and block reason of your task, not {field:taskField}.',
    ru: 'В своей задаче вы можете менять статус, затраченное время и причину блокировки, но не {field:taskField}.',
  },
  'task.editor': { en: 'Only the account manager can change this task.', ru: 'Изменять эту задачу может только аккаунт-менеджер.' },
  'task.comment_required': { en: 'Write a comment', ru: 'Напишите комментарий' },
  'report.no_own_accounts': {
    en: 'Only account managers and admins have accounts of their own; choose all you can see.',
    ru: 'Собственные клиенты есть только у аккаунт-менеджеров и администраторов; выберите «Все доступные мне».',
  },
  'report.owner_with_mine': {
    en: 'Choose either your own accounts or an account manager, not both.',
    ru: 'Выберите либо своих клиентов, либо аккаунт-менеджера, но не то и другое сразу.',
  },
  'task.rates': { en: 'Rates are whole minor units per hour', ru: 'Ставка — целое число копеек или центов в час' },
} satisfies Record<string, Message>;
