import type { LabelSets } from './render.js';

/** Words for enumerated values inside messages, in each language. */
export const LABELS = {
  record: {
    account: { en: 'account', ru: 'клиент' },
    contact: { en: 'contact', ru: 'контакт' },
    interaction: { en: 'interaction', ru: 'взаимодействие' },
    project: { en: 'project', ru: 'проект' },
    milestone: { en: 'milestone', ru: 'веха' },
    requirement: { en: 'requirement', ru: 'требование' },
    task: { en: 'task', ru: 'задача' },
    invoice: { en: 'invoice', ru: 'счёт' },
    payment: { en: 'payment', ru: 'оплата' },
    user: { en: 'user', ru: 'пользователь' },
    email: { en: 'email', ru: 'письмо' },
    api_token: { en: 'API token', ru: 'API-токен' },
    follow_up_action: { en: 'follow-up action', ru: 'действие по напоминанию' },
    record: { en: 'record', ru: 'запись' },
    route: { en: 'page', ru: 'страница' },
  },
  stage: {
    brief: { en: 'brief', ru: 'бриф' },
    planning: { en: 'planning', ru: 'планирование' },
    in_progress: { en: 'in progress', ru: 'в работе' },
    review: { en: 'review', ru: 'приёмка' },
    delivered: { en: 'delivered', ru: 'сдан' },
    on_hold: { en: 'on hold', ru: 'приостановлен' },
    closed: { en: 'closed', ru: 'закрыт' },
  },
  planStatus: {
    draft: { en: 'a draft', ru: 'черновик' },
    submitted: { en: 'waiting for approval', ru: 'на согласовании' },
    approved: { en: 'approved', ru: 'согласован' },
    changed: { en: 'changed since approval', ru: 'изменён после согласования' },
  },
  decision: {
    agreed: { en: 'agreed', ru: 'согласовано' },
    rejected: { en: 'rejected', ru: 'отклонено' },
  },
  invoiceStatus: {
    draft: { en: 'a draft', ru: 'черновик' },
    issued: { en: 'issued', ru: 'выставлен' },
    partially_paid: { en: 'partially paid', ru: 'частично оплачен' },
    paid: { en: 'paid', ru: 'оплачен' },
    overdue: { en: 'overdue', ru: 'просрочен' },
    void: { en: 'void', ru: 'аннулирован' },
  },
  taskField: {
    title: { en: 'the title', ru: 'название' },
    assigneeId: { en: 'the assignee', ru: 'исполнителя' },
    role: { en: 'the role', ru: 'роль' },
    dueDate: { en: 'the due date', ru: 'срок' },
    estimateHours: { en: 'the estimate', ru: 'оценку' },
    milestoneId: { en: 'the milestone', ru: 'веху' },
  },
} satisfies LabelSets;
