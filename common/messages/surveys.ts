import type { Message } from './render.js';

/** Satisfaction surveys: the questions, the emails, and why a link or an answer is refused. */
export const SURVEY_MESSAGES = {
  'survey.score_required': { en: 'Choose a score', ru: 'Выберите оценку' },
  'survey.score_integer': { en: 'A score is a whole number', ru: 'Оценка — целое число' },
  'survey.score_range': { en: 'Choose a score from {min} to {max}', ru: 'Выберите оценку от {min} до {max}' },
  'survey.link_invalid': {
    en: 'This survey link is not valid. Check that you opened the whole link from the email.',
    ru: 'Ссылка на опрос недействительна. Проверьте, что открыли ссылку из письма целиком.',
  },
  'survey.link_used': {
    en: 'This survey was already answered. Thank you!',
    ru: 'На этот опрос уже ответили. Спасибо!',
  },
  'survey.link_expired': {
    en: 'This survey has closed: a link works for 30 days.',
    ru: 'Опрос закрыт: ссылка действует 30 дней.',
  },
  'survey.contact_of_account': {
    en: 'Choose a contact of this account',
    ru: 'Выберите контакт этого клиента',
  },
  'survey.project_of_account': {
    en: 'Choose a project of this account',
    ru: 'Выберите проект этого клиента',
  },
  'survey.contact_without_email': {
    en: 'Add an email address to this contact before sending a survey.',
    ru: 'Прежде чем отправлять опрос, укажите адрес электронной почты контакта.',
  },
  'survey.public_url_missing': {
    en: 'Surveys need the address where clients open Liaison to build their links: ask an administrator to set PUBLIC_URL.',
    ru: 'Чтобы составить ссылку на опрос, нужен адрес, по которому клиенты открывают Liaison: попросите администратора задать PUBLIC_URL.',
  },
  'survey.throttled': {
    en: 'This contact was asked on {date}; a contact is asked at most once in {days} days.',
    ru: 'Этого контакта уже спрашивали {date}; контакту задают вопросы не чаще раза в {days} дн.',
  },
  'survey.question_nps': {
    en: 'How likely are you to recommend {agency} to a friend or colleague?',
    ru: 'Насколько вероятно, что вы порекомендуете {agency} другу или коллеге?',
  },
  'survey.question_csat': {
    en: 'How satisfied are you with our work on {project}?',
    ru: 'Насколько вы довольны нашей работой над проектом «{project}»?',
  },
  'survey.question_csat_agency': {
    en: 'How satisfied are you with the work of {agency}?',
    ru: 'Насколько вы довольны работой {agency}?',
  },
  'survey.email_subject': { en: 'A quick question from {agency}', ru: 'Короткий вопрос от {agency}' },
  'survey.email_greeting': { en: 'Hello, {name}!', ru: 'Здравствуйте, {name}!' },
  'survey.email_action': { en: 'Answer in one click', ru: 'Ответить в один клик' },
  'survey.email_validity': {
    en: 'The link works once, for 30 days. A comment is welcome but not required.',
    ru: 'Ссылка действует один раз в течение 30 дней. Комментарий приветствуется, но не обязателен.',
  },
  'survey.alert_subject': {
    en: 'Low score from {account}: {kind} {score}',
    ru: 'Низкая оценка от {account}: {kind} {score}',
  },
  'survey.alert_intro': {
    en: '{contact} of {account} answered {kind} with {score}.',
    ru: '{contact} ({account}) поставил(а) оценку {kind}: {score}.',
  },
  'survey.alert_comment': { en: 'Their comment: {comment}', ru: 'Комментарий: {comment}' },
  'survey.alert_action': { en: 'Open the account', ru: 'Открыть клиента' },
  'survey.follow_up_step': {
    en: 'Call {contact} about their {kind} score of {score}',
    ru: 'Позвонить {contact} по поводу оценки {kind} {score}',
  },
} satisfies Record<string, Message>;
