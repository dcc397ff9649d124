import type { Message } from './render.js';

/** Staff notifications: the notices of the bell and the morning digest email. */
export const INBOX_MESSAGES = {
  'inbox.client_message': { en: '{author} wrote: “{excerpt}”', ru: '{author} пишет: «{excerpt}»' },
  'inbox.task_assigned': {
    en: 'You were given the task “{title}” in “{project}”',
    ru: 'Вам поручена задача «{title}» в проекте «{project}»',
  },
  'inbox.account_assigned': { en: 'You now manage {account}', ru: 'Теперь вы ведёте клиента {account}' },
  'inbox.account_backup_assigned': {
    en: 'You now back up the manager of {account}',
    ru: 'Теперь вы заместитель менеджера клиента {account}',
  },
  'inbox.digest_subject': { en: 'Your morning digest for {day:date}', ru: 'Утренняя сводка на {day:date}' },
  'inbox.digest_greeting': { en: 'Good morning, {name}!', ru: 'Доброе утро, {name}!' },
  'inbox.digest_overdue': { en: 'Overdue', ru: 'Просрочено' },
  'inbox.digest_today': { en: 'Due today', ru: 'На сегодня' },
  'inbox.digest_notices': { en: 'New for you', ru: 'Новое для вас' },
  'inbox.digest_more': { en: '…and {count} more', ru: '…и ещё {count}' },
  'inbox.digest_open_today': { en: 'Open Today', ru: 'Открыть «Сегодня»' },
  'inbox.digest_footer': {
    en: 'You receive this email once a day when something needs you. Choose what it holds and when it comes in your profile.',
    ru: 'Это письмо приходит раз в день, когда что-то требует вашего внимания. Что в него входит и когда оно приходит, можно выбрать в профиле.',
  },
  'inbox.digest_preferences': { en: 'Notification settings', ru: 'Настройки уведомлений' },
} satisfies Record<string, Message>;
