import type { Language } from '../../../common/enums.js';
import { renderMessage, type MessageCode, type MessageParams } from '../../../common/messages/index.js';
import { BUTTON, PARAGRAPH, escapeHtml } from '../email/index.js';
import type { NotificationRow } from './notification.repository.js';

/** The links a digest carries, all built from PUBLIC_URL. */
export interface DigestLinks {
  base: string;
  /** The page that unsubscribes with one click (the token in its fragment stays out of server logs). */
  unsubscribePage: string;
  /** Where a mail program POSTs `List-Unsubscribe=One-Click` (RFC 8058). */
  unsubscribePost: string;
  preferences: string;
}

/** The line of one item, in the reader's language. */
export const itemLine = (row: Pick<NotificationRow, 'kind' | 'params'>, language: Language) =>
  renderMessage(`notification.item.${row.kind}` as MessageCode, JSON.parse(row.params) as MessageParams, language);

/**
 * One email with every item waiting for a contact: a line and a link into the portal for each,
 * then a way to choose what they are told about and to unsubscribe. Every part is escaped.
 */
export function digestEmail(items: NotificationRow[], name: string, language: Language, links: DigestLinks) {
  const say = (code: MessageCode, params: MessageParams = {}) => renderMessage(code, params, language);
  const lines = items.map((i) => ({ text: itemLine(i, language), url: new URL(i.path, links.base).toString() }));
  const subject =
    lines.length === 1
      ? say('notification.subject_one', { item: lines[0].text })
      : say('notification.subject_many', { count: lines.length });
  const portal = new URL('/portal', links.base).toString();
  const text = [
    say('notification.greeting', { name }),
    say('notification.intro'),
    lines.map((l) => `• ${l.text}\n  ${l.url}`).join('\n\n'),
    `${say('notification.open_portal')}: ${portal}`,
    [
      say('notification.footer'),
      `${say('notification.preferences')}: ${links.preferences}`,
      `${say('notification.unsubscribe')}: ${links.unsubscribePage}`,
    ].join('\n'),
  ].join('\n\n');
  const p = (s: string, style = '') => `<p style="${PARAGRAPH}${style}">${s}</p>`;
  const a = (url: string, label: string, style = '') =>
    `<a href="${escapeHtml(url)}"${style ? ` style="${style}"` : ''}>${escapeHtml(label)}</a>`;
  const html = [
    '<div style="font-family: Arial, sans-serif; font-size: 14px; line-height: 1.5">',
    p(escapeHtml(say('notification.greeting', { name }))),
    p(escapeHtml(say('notification.intro'))),
    `<ul style="${PARAGRAPH}; padding-left: 20px">`,
    ...lines.map((l) => `<li style="margin: 0 0 8px">${a(l.url, l.text)}</li>`),
    '</ul>',
    p(a(portal, say('notification.open_portal'), BUTTON)),
    p(
      `${escapeHtml(say('notification.footer'))}<br>\n${a(links.preferences, say('notification.preferences'))} · ${a(links.unsubscribePage, say('notification.unsubscribe'))}`,
      '; font-size: 12px; color: #555555',
    ),
    '</div>',
  ].join('\n');
  return {
    subject,
    text,
    html,
    headers: { 'List-Unsubscribe': `<${links.unsubscribePost}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
