/** i18next set up with the English and Russian catalogues bundled (both are small). */
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Language } from '@common/enums';
import { localeFor } from '../lib/format';
import authEn from './auth.en.json';
import authRu from './auth.ru.json';
import authServerMessagesRu from './auth.server-messages.ru.json';
import billingEn from './billing.en.json';
import billingRu from './billing.ru.json';
import billingServerMessagesRu from './billing.server-messages.ru.json';
import deliveryEn from './delivery.en.json';
import deliveryRu from './delivery.ru.json';
import deliveryServerMessagesRu from './delivery.server-messages.ru.json';
import en from './en.json';
import ru from './ru.json';
import ruServerMessages from './server-messages.ru.json';

const STORAGE_KEY = 'liaison.language';
export const UI_LANGUAGES: readonly Language[] = ['en', 'ru'];

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'ru') return stored;
  // Before anyone signs in, follow the browser; afterwards the user's saved choice wins.
  const browser = typeof navigator === 'undefined' ? 'en' : navigator.language;
  return browser.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ru: { translation: ru } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes text already
});
// Feature catalogues live in files of their own and are merged key by key (existing keys win),
// so features can add to shared groups such as `nav` or `timeline.event` without editing en/ru.json.
for (const [language, bundle] of [
  ['en', deliveryEn],
  ['ru', deliveryRu],
  ['en', billingEn],
  ['ru', billingRu],
  ['en', authEn],
  ['ru', authRu],
] as const) {
  i18n.addResourceBundle(language, 'translation', bundle, true, false);
}
if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

/** Switches the UI language and remembers it on this device for the sign-in page. */
export function applyLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

/** The Intl locale for the current UI language; re-renders when the language changes. */
export function useLocale(): string {
  const { i18n: instance } = useTranslation();
  return localeFor(instance.language);
}

const serverCatalogues: Record<string, Record<string, string>> = {
  ru: { ...ruServerMessages, ...deliveryServerMessagesRu, ...billingServerMessagesRu, ...authServerMessagesRu },
};

/**
 * The API and the shared schemas explain problems in English. Show those messages in the
 * user's language when the catalogue knows them; numbers in them ("At most 200
 * characters") match a `{n}` placeholder.
 */
export function translateServerMessage(message: string, language: string = i18n.language): string {
  const catalogue = serverCatalogues[language];
  if (!catalogue) return message;
  if (catalogue[message]) return catalogue[message];
  const numbers = message.match(/\d+/g) ?? [];
  const pattern = catalogue[message.replace(/\d+/g, '{n}')];
  if (!pattern) return message;
  let i = 0;
  return pattern.replace(/\{n\}/g, () => numbers[i++] ?? '');
}

export default i18n;
