import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { MailParser, type AddressObject, type AttachmentStream, type MessageText } from 'mailparser';
import { forwardedSender, type ForwardedSender } from './mail.forward.js';

/** What the dropbox keeps of a message: addresses, text and attachments, never its HTML. */
export interface ParsedMessage {
  messageId: string;
  from: { address: string; name: string | null };
  /** The To and Cc addresses, lower case, each once. */
  recipients: string[];
  subject: string;
  text: string;
  /** For a forward, the sender of the message it carries. */
  forwardedFrom: ForwardedSender | null;
  sentAt: Date | null;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

export interface MailLimits {
  /** The whole message, as received. */
  maxBytes: number;
  maxAttachments: number;
}

/** A refusal the SMTP listener answers with its code (5xx: the sender's server gives up). */
export class MailRefused extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

const addressesOf = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value);

/**
 * Parses a message as it streams in (attachments are read part by part, never the raw message
 * whole): past `maxBytes` the rest is drained unread and the message refused.
 */
export function parseMessage(stream: Readable, limits: MailLimits): Promise<ParsedMessage> {
  return new Promise((resolve, reject) => {
    const parser = new MailParser({ skipHtmlToText: false, skipTextToHtml: true, skipImageLinks: true });
    const attachments: ParsedMessage['attachments'] = [];
    let text: MessageText | null = null;
    let received = 0;
    let refusal: MailRefused | null = null;
    const refuse = (err: MailRefused) => {
      if (refusal) return;
      refusal = err;
      stream.unpipe(parser);
      parser.destroy();
      // Drain what is left so the SMTP session can answer; refuse once the data is all in.
      if (stream.readableEnded) reject(err);
      else stream.resume();
    };
    stream.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.maxBytes) refuse(new MailRefused(552, `Message exceeds the size limit of ${limits.maxBytes} bytes`));
    });
    stream.on('end', () => {
      if (refusal) reject(refusal);
    });
    stream.on('error', reject);
    parser.on('error', (err: Error) => refuse(new MailRefused(550, `Message could not be read: ${err.message}`)));
    parser.on('data', (data: AttachmentStream | MessageText) => {
      if (data.type === 'text') {
        text = data;
        return;
      }
      if (attachments.length >= limits.maxAttachments) {
        data.content.resume();
        data.release?.();
        refuse(new MailRefused(552, `Message has more than ${limits.maxAttachments} attachments`));
        return;
      }
      const chunks: Buffer[] = [];
      data.content.on('data', (c: Buffer) => chunks.push(c));
      data.content.on('end', () => {
        attachments.push({
          filename: data.filename ?? `attachment-${attachments.length + 1}`,
          contentType: data.contentType || 'application/octet-stream',
          content: Buffer.concat(chunks),
        });
        data.release?.();
      });
    });
    parser.on('end', () => {
      if (refusal) return;
      const from = addressesOf(parser.from)[0];
      const recipients = [...new Set([...addressesOf(parser.to), ...addressesOf(parser.cc)].map((a) => (a.address ?? '').toLowerCase()))];
      const body = (text?.text ?? '').trim();
      const subject = parser.subject ?? '';
      const fromAddress = (from?.address ?? '').toLowerCase();
      resolve({
        messageId: parser.messageId ?? fingerprint(fromAddress, parser.date, subject, body),
        from: { address: fromAddress, name: from?.name || null },
        recipients: recipients.filter(Boolean),
        subject,
        text: body,
        forwardedFrom: forwardedSender(subject, body),
        sentAt: parser.date && !Number.isNaN(parser.date.getTime()) ? parser.date : null,
        attachments,
      });
    });
    stream.pipe(parser);
  });
}

/** A stand-in Message-ID for mail without one, so the same copy is still kept once. */
function fingerprint(from: string, date: Date | undefined, subject: string, text: string): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([from, date?.toISOString() ?? null, subject, text]))
    .digest('hex');
  return `<sha256-${hash}@liaison.invalid>`;
}
