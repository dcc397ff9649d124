import type { Language } from '../../../common/enums.js';
import { renderMessage, type MessageCode, type MessageParams } from '../../../common/messages/index.js';

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

/** Inline styles of emails' paragraphs and link buttons (mail programs drop style sheets). */
export const PARAGRAPH = 'margin: 0 0 16px';
export const BUTTON =
  'display: inline-block; padding: 10px 18px; border-radius: 6px; background: #1c62b9; color: #ffffff; font-weight: bold; text-decoration: none';

/**
 * An email that leads to one link: paragraphs, the link, and what follows it. The text part
 * shows the address on a line of its own; the HTML part a button, with the address beneath it
 * for mail programs that hide buttons. Every part is escaped.
 */
export function emailWithLink(parts: { before: string[]; link: { url: string; label: string }; after: string[] }): {
  text: string;
  html: string;
} {
  const { before, link, after } = parts;
  const text = [...before, `${link.label}:\n${link.url}`, ...after].join('\n\n');
  const p = (s: string) => `<p style="${PARAGRAPH}">${escapeHtml(s).replace(/\n/g, '<br>\n')}</p>`;
  const href = escapeHtml(link.url);
  const html = [
    '<div style="font-family: Arial, sans-serif; font-size: 14px; line-height: 1.5">',
    ...before.map(p),
    `<p style="${PARAGRAPH}"><a href="${href}" style="${BUTTON}">${escapeHtml(link.label)}</a></p>`,
    `<p style="${PARAGRAPH}; font-size: 12px; word-break: break-all"><a href="${href}">${href}</a></p>`,
    ...after.map(p),
    '</div>',
  ].join('\n');
  return { text, html };
}

/** The words of an email that leads to one link, by catalogue codes, in the reader's language. */
export interface LinkEmailWords {
  subject: MessageCode;
  greeting: MessageCode;
  intro: MessageCode;
  action: MessageCode;
  validity: MessageCode;
}

/** Subject, text and HTML of an email that leads to `url`, worded in `language` with `params`. */
export function linkEmail(words: LinkEmailWords, params: MessageParams, url: string, language: Language) {
  const say = (code: MessageCode) => renderMessage(code, params, language);
  return {
    subject: say(words.subject),
    ...emailWithLink({
      before: [say(words.greeting), say(words.intro)],
      link: { url, label: say(words.action) },
      after: [say(words.validity)],
    }),
  };
}
