import type { Language } from '../../../common/enums.js';

/** Helpers for the words of outgoing emails, in the recipient's language. */

const DATE_FORMATS: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }),
  ru: new Intl.DateTimeFormat('ru-RU', { dateStyle: 'medium', timeZone: 'UTC' }),
};

/** A calendar date for people, e.g. "10 Mar 2026" or "10 мар. 2026 г.". */
export const humanDate = (date: string, language: Language) => DATE_FORMATS[language].format(new Date(`${date}T00:00:00Z`));

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A plain-text email as simple HTML: escaped, line breaks kept. */
export const textToHtml = (text: string) =>
  `<div style="font-family: Arial, sans-serif; font-size: 14px; line-height: 1.5">${escapeHtml(text).replace(/\n/g, '<br>\n')}</div>`;
