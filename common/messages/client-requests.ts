import type { Message } from './render.js';

/** Requests: the thread where a client company writes to its manager, and the email telling the manager. */
export const CLIENT_REQUEST_MESSAGES = {
  'message.body_required': { en: 'Write a message before sending it.', ru: 'Напишите сообщение, прежде чем отправлять его.' },
  'message.too_long': {
    en: 'A message may be at most {max} characters long; this one has {length}. Shorten it or split it into several.',
    ru: 'Сообщение может содержать не более {max} символов, в этом — {length}. Сократите его или разделите на несколько.',
  },
  'message.account_required': {
    en: 'Name the client company whose requests these are (accountId).',
    ru: 'Укажите клиента, чьи это запросы (accountId).',
  },
  'message.email_subject': { en: 'New request from {account}', ru: 'Новый запрос от клиента {account}' },
  'message.email_intro': { en: '{author} ({account}) wrote:', ru: '{author} ({account}) пишет:' },
  'message.email_project': { en: 'Project: {project}', ru: 'Проект: {project}' },
  'message.email_action': { en: 'Answer on the account page', ru: 'Ответить на странице клиента' },
} satisfies Record<string, Message>;
