import type { Message } from './render.js';

/** The email dropbox: BCC addresses and the unmatched inbox. */
export const DROPBOX_MESSAGES = {
  'access.dropbox_managers_only': {
    en: 'Only admins and account managers have a dropbox address',
    ru: 'Адрес для копий писем есть только у администраторов и менеджеров клиентов',
  },
  'dropbox.not_unmatched': {
    en: 'This email has already been filed or discarded',
    ru: 'Это письмо уже разобрано или удалено',
  },
  'dropbox.no_subject': { en: '(no subject)', ru: '(без темы)' },
} satisfies Record<string, Message>;
