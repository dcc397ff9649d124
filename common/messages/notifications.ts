import type { Message } from './render.js';

/** Notifications to clients: the digest email of what awaits them in the portal, and unsubscribing. */
export const NOTIFICATION_MESSAGES = {
  'notification.subject_one': { en: 'In your portal: {item}', ru: 'В вашем портале: {item}' },
  'notification.subject_many': {
    en: 'What awaits you in your client portal ({count})',
    ru: 'Что ждёт вас в клиентском портале ({count})',
  },
  'notification.greeting': { en: 'Hello {name},', ru: 'Здравствуйте, {name}!' },
  'notification.intro': {
    en: 'Here is what has happened in your client portal and what awaits you there:',
    ru: 'Вот что произошло в вашем клиентском портале и что ждёт вас там:',
  },
  'notification.open_portal': { en: 'Open the portal', ru: 'Открыть портал' },
  'notification.footer': {
    en: 'You receive this email because you have access to the client portal. At most one such email a day.',
    ru: 'Вы получили это письмо, потому что у вас есть доступ к клиентскому порталу. Такие письма приходят не чаще раза в день.',
  },
  'notification.preferences': { en: 'Choose what you are told about', ru: 'Выбрать, о чём сообщать' },
  'notification.unsubscribe': { en: 'Unsubscribe', ru: 'Отписаться' },
  'notification.item.plan_approval': {
    en: 'The work plan of “{project}” awaits your approval',
    ru: 'План работ по проекту «{project}» ждёт вашего согласования',
  },
  'notification.item.requirement_approval': {
    en: 'A requirement of “{project}” awaits your approval: “{text}”',
    ru: 'Требование по проекту «{project}» ждёт вашего согласования: «{text}»',
  },
  'notification.item.document_signature': {
    en: '{title} awaits your signature',
    ru: 'Документ «{title}» ждёт вашей подписи',
  },
  'notification.item.invoice_issued': {
    en: 'Invoice {number} was issued for {total:money}, due {due}',
    ru: 'Выставлен счёт {number} на {total:money}, оплатить до {due}',
  },
  'notification.item.status_report': {
    en: 'A status report on “{project}” is ready',
    ru: 'Готов отчёт о ходе проекта «{project}»',
  },
  'notification.item.request_reply': {
    en: 'Your manager replied to your request: “{excerpt}”',
    ru: 'Менеджер ответил на ваш запрос: «{excerpt}»',
  },
  'notification.unsubscribe_unknown': {
    en: 'This unsubscribe link is not valid. Check that you opened the whole link from the email, or choose what you are told about in the portal’s Notifications.',
    ru: 'Ссылка для отписки недействительна. Проверьте, что открыли ссылку из письма целиком, или выберите, о чём вам сообщать, в разделе «Уведомления» портала.',
  },
  'notification.client_without_contact': {
    en: 'Your user is not linked to a contact of your company, so there are no notifications to choose.',
    ru: 'Ваш пользователь не связан с контактом вашей компании, поэтому выбирать уведомления не для кого.',
  },
} satisfies Record<string, Message>;
