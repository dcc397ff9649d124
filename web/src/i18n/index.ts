/** i18next set up with the English and Russian catalogues bundled (both are small). */
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Language } from '@common/enums';
import { isMessageCode, issueMessage, renderMessage, type IssueLike, type MessageParams } from '@common/messages';
import { localeFor } from '../lib/format';
import authEn from './auth.en.json';
import authRu from './auth.ru.json';
import billingEn from './billing.en.json';
import billingRu from './billing.ru.json';
import deliveryEn from './delivery.en.json';
import deliveryRu from './delivery.ru.json';
import documentsEn from './documents.en.json';
import documentsRu from './documents.ru.json';
import en from './en.json';
import nextStepsEn from './next-steps.en.json';
import nextStepsRu from './next-steps.ru.json';
import peopleEn from './people.en.json';
import peopleRu from './people.ru.json';
import reportsEn from './reports.en.json';
import reportsRu from './reports.ru.json';
import ru from './ru.json';

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
  ['en', nextStepsEn],
  ['ru', nextStepsRu],
  ['en', documentsEn],
  ['ru', documentsRu],
  ['en', peopleEn],
  ['ru', peopleRu],
  ['en', reportsEn],
  ['ru', reportsRu],
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

/**
 * A message of the shared catalogue (`common/messages`) by its code, in the UI language. The
 * API sends codes with every problem and field error, and the shared schemas give codes as
 * their messages, so nothing is translated by matching English text.
 */
export function translateMessage(code: string, params: MessageParams = {}, language: string = i18n.language): string {
  if (!isMessageCode(code)) return code;
  return renderMessage(code, params, language === 'ru' ? 'ru' : 'en');
}

/** A Zod issue (from a shared schema checked in the browser) in the UI language. */
export function translateIssue(issue: IssueLike, language: string = i18n.language): string {
  const { code, params } = issueMessage(issue, isMessageCode);
  return translateMessage(code, params, language);
}

export default i18n;
