import { renderMessage, type Language, type MessageCode, type MessageParams } from '../../../common/messages/index.js';
import { BUTTON, PARAGRAPH, escapeHtml } from '../email/index.js';

/** One line of the digest: what needs the reader, about which account, and where it opens. */
export interface DigestLine {
  text: string;
  account: string | null;
  path: string;
}

export interface DigestSections {
  overdue: DigestLine[];
  today: DigestLine[];
  notices: DigestLine[];
}

/** Lines shown per section; the rest are counted. */
const SHOWN = 20;

/**
 * The morning digest: what is overdue and due today on the reader's Today and the notices new
 * since yesterday, each with a link when the app's address is known. Every part is escaped.
 */
export function digestEmail(
  sections: DigestSections,
  reader: { name: string; language: Language },
  day: string,
  publicUrl: string | undefined,
) {
  const say = (code: MessageCode, params: MessageParams = {}) => renderMessage(code, params, reader.language);
  const url = (path: string) => (publicUrl ? new URL(path, publicUrl).toString() : null);
  const parts = (
    [
      ['inbox.digest_overdue', sections.overdue],
      ['inbox.digest_today', sections.today],
      ['inbox.digest_notices', sections.notices],
    ] as const
  ).filter(([, lines]) => lines.length);
  const label = (l: DigestLine) => (l.account ? `${l.account}: ${l.text}` : l.text);
  const more = (lines: DigestLine[]) => (lines.length > SHOWN ? [say('inbox.digest_more', { count: lines.length - SHOWN })] : []);

  const todayUrl = url('/today');
  const settingsUrl = url('/inbox/settings');
  const text = [
    say('inbox.digest_greeting', { name: reader.name }),
    ...parts.map(([title, lines]) =>
      [
        `${say(title)} (${lines.length})`,
        ...lines.slice(0, SHOWN).map((l) => `• ${label(l)}${url(l.path) ? `\n  ${url(l.path)}` : ''}`),
        ...more(lines),
      ].join('\n'),
    ),
    ...(todayUrl ? [`${say('inbox.digest_open_today')}: ${todayUrl}`] : []),
    [say('inbox.digest_footer'), ...(settingsUrl ? [`${say('inbox.digest_preferences')}: ${settingsUrl}`] : [])].join('\n'),
  ].join('\n\n');

  const p = (s: string, style = '') => `<p style="${PARAGRAPH}${style}">${s}</p>`;
  const link = (href: string | null, words: string, style = '') =>
    href ? `<a href="${escapeHtml(href)}"${style ? ` style="${style}"` : ''}>${escapeHtml(words)}</a>` : escapeHtml(words);
  const html = [
    '<div style="font-family: Arial, sans-serif; font-size: 14px; line-height: 1.5">',
    p(escapeHtml(say('inbox.digest_greeting', { name: reader.name }))),
    ...parts.flatMap(([title, lines]) => [
      p(`<strong>${escapeHtml(say(title))} (${lines.length})</strong>`, '; margin-bottom: 4px'),
      `<ul style="${PARAGRAPH}; padding-left: 20px">`,
      ...lines.slice(0, SHOWN).map((l) => `<li style="margin: 0 0 6px">${link(url(l.path), label(l))}</li>`),
      ...more(lines).map((m) => `<li style="margin: 0 0 6px">${escapeHtml(m)}</li>`),
      '</ul>',
    ]),
    ...(todayUrl ? [p(link(todayUrl, say('inbox.digest_open_today'), BUTTON))] : []),
    p(
      `${escapeHtml(say('inbox.digest_footer'))}${settingsUrl ? `<br>\n${link(settingsUrl, say('inbox.digest_preferences'))}` : ''}`,
      '; font-size: 12px; color: #555555',
    ),
    '</div>',
  ].join('\n');
  return { subject: say('inbox.digest_subject', { day }), text, html };
}
