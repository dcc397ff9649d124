/**
 * i18next with the English catalogue bundled (it is also the fallback for any missing word);
 * other languages are fetched the first time they are used, so nobody downloads words they never read.
 */
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Language } from '@common/enums';
import type { IssueLike, MessageParams } from '@common/messages';
import { localeFor } from '../lib/format';
import accessLinksEn from './access-links.en.json';
import accountPageEn from './account-page.en.json';
import authEn from './auth.en.json';
import billingEn from './billing.en.json';
import claimsEn from './claims.en.json';
import correctiveEn from './corrective.en.json';
import loyaltyEn from './loyalty.en.json';
import healthEn from './health.en.json';
import dealsEn from './deals.en.json';
import dealBoardEn from './deal-board.en.json';
import deliveryEn from './delivery.en.json';
import documentsEn from './documents.en.json';
import en from './en.json';
import nextStepsEn from './next-steps.en.json';
import todayEn from './today.en.json';
import notificationsEn from './notifications.en.json';
import objectionsEn from './objections.en.json';
import peopleEn from './people.en.json';
import reportsEn from './reports.en.json';
import requestsEn from './requests.en.json';
import salesReportEn from './sales-report.en.json';
import satisfactionReportEn from './satisfaction-report.en.json';
import surveysEn from './surveys.en.json';
import proposalsEn from './proposals.en.json';
import inboxEn from './inbox.en.json';
import webhooksEn from './webhooks.en.json';
import dropboxEn from './dropbox.en.json';
import exportsEn from './exports.en.json';
import searchEn from './search.en.json';
import calendarFeedsEn from './calendar-feeds.en.json';
import privacyEn from './privacy.en.json';

const STORAGE_KEY = 'liaison.language';
export const UI_LANGUAGES: readonly Language[] = ['en', 'ru'];

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'ru') return stored;
  // Before anyone signs in, follow the browser; afterwards the user's saved choice wins.
  const browser = typeof navigator === 'undefined' ? 'en' : navigator.language;
  return browser.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

type Catalogue = Record<string, unknown>;

// Feature catalogues live in files of their own and are merged key by key (existing keys win),
// so features can add to shared groups such as `nav` or `timeline.event` without editing en/ru.json.
const ENGLISH: Catalogue[] = [
  en,
  deliveryEn,
  billingEn,
  authEn,
  nextStepsEn,
  accountPageEn,
  documentsEn,
  peopleEn,
  reportsEn,
  accessLinksEn,
  requestsEn,
  notificationsEn,
  dealsEn,
  salesReportEn,
  satisfactionReportEn,
  claimsEn,
  correctiveEn,
  objectionsEn,
  surveysEn,
  dealBoardEn,
  proposalsEn,
  todayEn,
  loyaltyEn,
  inboxEn,
  healthEn,
  webhooksEn,
  dropboxEn,
  exportsEn,
  searchEn,
  calendarFeedsEn,
  privacyEn,
];
const OTHERS: Record<Exclude<Language, 'en'>, () => Promise<{ default: Catalogue[] }>> = {
  ru: () => import('./catalogue.ru'),
};
const loaded = new Map<Language, Promise<void>>([['en', Promise.resolve()]]);

function addCatalogue(language: Language, bundles: Catalogue[]) {
  for (const bundle of bundles) i18n.addResourceBundle(language, 'translation', bundle, true, false);
}

/** Fetches a language's words once; resolves when they can be used. */
export function loadLanguage(language: Language): Promise<void> {
  let done = loaded.get(language);
  if (!done) {
    done = OTHERS[language as Exclude<Language, 'en'>]().then((m) => addCatalogue(language, m.default));
    // A failed fetch (offline) may be tried again on the next switch; English shows meanwhile.
    done.catch(() => loaded.delete(language));
    loaded.set(language, done);
  }
  return done;
}

const firstLanguage = initialLanguage();
void i18n.use(initReactI18next).init({
  resources: {},
  lng: firstLanguage,
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes text already
});
addCatalogue('en', ENGLISH);
if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

/** Resolves when the first language's words are there (at once for English); render after it. */
export const i18nReady: Promise<void> = loadLanguage(firstLanguage).catch(() => undefined);

/**
 * Switches the UI language once its words are there and remembers it on this device for the
 * sign-in page; resolves when the switch is done.
 */
export async function applyLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await loadLanguage(language).catch(() => undefined);
  if (i18n.language !== language) await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

/** The Intl locale for the current UI language; re-renders when the language changes. */
export function useLocale(): string {
  const { i18n: instance } = useTranslation();
  return localeFor(instance.language);
}

/**
 * The shared message catalogue (`common/messages`: every API problem in both languages) is a
 * chunk of its own, fetched beside the first page's code instead of inside the app's entry; no
 * page renders before it is there (the root route waits for it). Offline, codes show instead.
 */
let messages: typeof import('@common/messages') | null = null;
export const messagesReady: Promise<void> = import('@common/messages').then(
  (m) => void (messages = m),
  () => undefined,
);

/** Whether a code is one of the shared catalogue's (so it can be shown in words). */
export function isMessageCode(code: string): boolean {
  return messages?.isMessageCode(code) ?? false;
}

/**
 * A message of the shared catalogue by its code, in the UI language. The API sends codes with
 * every problem and field error, and the shared schemas give codes as their messages, so
 * nothing is translated by matching English text.
 */
export function translateMessage(code: string, params: MessageParams = {}, language: string = i18n.language): string {
  if (!messages?.isMessageCode(code)) return code;
  return messages.renderMessage(code, params, language === 'ru' ? 'ru' : 'en');
}

/** A Zod issue (from a shared schema checked in the browser) in the UI language. */
export function translateIssue(issue: IssueLike, language: string = i18n.language): string {
  if (!messages) return issue.message;
  const { code, params } = messages.issueMessage(issue, messages.isMessageCode);
  return translateMessage(code, params, language);
}

export default i18n;
