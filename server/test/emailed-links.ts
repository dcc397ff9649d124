import type { ParsedMail } from 'mailparser';
import { expect } from 'vitest';
import type { SmtpSink } from './smtp-sink.js';

/** The one email the sink received for `to` (failing the test when there is none or several). */
export function emailTo(sink: SmtpSink, to: string): ParsedMail {
  const mails = sink.messages.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(to)));
  expect(
    mails.map((m) => m.subject),
    `emails to ${to}`,
  ).toHaveLength(1);
  return mails[0];
}

/** The link to `page` in an email's plain-text part, and the token in its fragment. */
export function linkIn(mail: ParsedMail, page: string): { url: string; token: string } {
  const match = new RegExp(`(https?://\\S+${page}#token=([\\w-]+))`).exec(mail.text ?? '');
  expect(match, `a link to ${page} in: ${mail.text}`).not.toBeNull();
  // The HTML part leads to the same address.
  expect(mail.html || '').toContain(`href="${match![1]}"`);
  return { url: match![1], token: match![2] };
}
