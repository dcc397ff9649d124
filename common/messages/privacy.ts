import type { Message } from './render.js';

/** Personal-data requests: export, erasure and retention. */
export const PRIVACY_MESSAGES = {
  'privacy.confirm_name': {
    en: 'Type the contact’s full name exactly as shown to confirm the erasure',
    ru: 'Чтобы подтвердить удаление, введите полное имя контакта точно так, как оно показано',
  },
  'privacy.already_erased': {
    en: 'This contact’s personal data has already been erased',
    ru: 'Персональные данные этого контакта уже удалены',
  },
  'privacy.not_client_user': {
    en: 'Personal data is exported here for client (portal) users only',
    ru: 'Здесь выгружаются персональные данные только клиентских пользователей портала',
  },
  'privacy.retention_years': {
    en: 'Enter whole years from 1 to 50',
    ru: 'Укажите целое число лет от 1 до 50',
  },
} satisfies Record<string, Message>;
