import type { Message } from './render.js';

/** The service catalog: names in the agency's language, prices per currency, the delivery template. */
export const CATALOG_MESSAGES = {
  'service.name_required': {
    en: 'Write the name in {language:languageIn}',
    ru: 'Напишите название на {language:languageIn} языке',
  },
  'service.title_required': {
    en: 'Write the title in {language:languageIn}',
    ru: 'Напишите заголовок на {language:languageIn} языке',
  },
  'service.work_kind': { en: 'Choose the kind of work', ru: 'Выберите вид работ' },
  'service.unit': {
    en: 'Choose what the price is per: hour, month, piece or project',
    ru: 'Выберите единицу: час, месяц, штука или проект',
  },
  'service.price_required': { en: 'Give at least one price', ru: 'Укажите хотя бы одну цену' },
  'service.duplicate_currency': {
    en: 'There is already a price in {currency}; give one price per currency',
    ru: 'Цена в {currency} уже указана; на каждую валюту — одна цена',
  },
  'service.milestone_key': {
    en: 'A milestone’s key is 1 to 40 Latin letters, digits, dashes or underscores',
    ru: 'Ключ вехи — от 1 до 40 латинских букв, цифр, дефисов или подчёркиваний',
  },
  'service.milestone_key_taken': {
    en: 'Another milestone of this template has the same key',
    ru: 'У другой вехи этого шаблона такой же ключ',
  },
  'service.task_milestone': {
    en: 'Choose one of this template’s milestones, or none',
    ru: 'Выберите одну из вех этого шаблона или оставьте поле пустым',
  },
  'service.offset_days': {
    en: 'Days from the start: a whole number from 0 to 3650',
    ru: 'Дней от начала: целое число от 0 до 3650',
  },
  'service.hours': {
    en: 'Estimated hours: more than 0 and at most 10,000',
    ru: 'Оценка в часах: больше 0 и не больше 10 000',
  },
  'service.role_required': { en: 'Choose a specialist role', ru: 'Выберите роль специалиста' },
  'service.already_inactive': {
    en: 'This service is already out of the catalog',
    ru: 'Эта услуга уже выведена из каталога',
  },
  'service.already_active': {
    en: 'This service is already in the catalog',
    ru: 'Эта услуга уже есть в каталоге',
  },
} satisfies Record<string, Message>;
