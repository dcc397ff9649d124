import type { Message } from './render.js';

/** Webhooks: the rules a target address must keep, and the admins' alert when one is turned off. */
export const WEBHOOK_MESSAGES = {
  'webhooks.event_type': { en: 'Choose event types from the list', ru: 'Выберите типы событий из списка' },
  'webhooks.event_types_empty': { en: 'Choose at least one event type', ru: 'Выберите хотя бы один тип событий' },
  'webhooks.host': { en: 'A host name or IP address', ru: 'Имя хоста или IP-адрес' },
  'webhooks.url_invalid': { en: 'This is not a web address', ru: 'Это не веб-адрес' },
  'webhooks.url_scheme': { en: 'Only http and https addresses receive webhooks', ru: 'Вебхуки принимают только адреса http и https' },
  'webhooks.url_credentials': {
    en: 'Put no user name or password in the address; check the signature instead',
    ru: 'Не указывайте в адресе имя пользователя или пароль — проверяйте подпись',
  },
  'webhooks.url_private': {
    en: '{host} is a private, loopback, link-local or reserved address; an admin may allow it in the webhook settings',
    ru: '{host} — частный, локальный или зарезервированный адрес; администратор может разрешить его в настройках вебхуков',
  },
  'inbox.webhook_disabled': {
    en: 'The webhook to {url} was turned off: its deliveries kept failing for a day',
    ru: 'Вебхук на {url} отключён: доставки не удавались в течение суток',
  },
} satisfies Record<string, Message>;
