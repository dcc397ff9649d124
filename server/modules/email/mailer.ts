import nodemailer from 'nodemailer';
import { renderMessage, type MessageCode } from '../../../common/messages/index.js';

/**
 * A file attached to an email: its content inline, or a `source` the outbox resolves when it
 * sends (a PDF is stored once with its document, not copied into every queued email).
 */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content?: string;
  source?: { kind: string; id: string };
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: Array<{ filename: string; contentType: string; content: string | Buffer }>;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
}

/** Sends email through SMTP, or says why it cannot. */
export interface Mailer {
  readonly enabled: boolean;
  /** Why email is off, as a message code (shown on unsent emails); null when enabled. */
  readonly disabledReason: MessageCode | null;
  /** A mailer that sends nowhere is given no attachment content (PDFs are not rendered for it). */
  readonly discardsAttachments?: boolean;
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

export const EMAIL_DISABLED: MessageCode = 'email.disabled';

/** A pooled nodemailer transport over SMTP_URL; without a URL, a mailer that sends nothing. */
export function createMailer(opts: { smtpUrl?: string; from: string }): Mailer {
  if (!opts.smtpUrl) {
    return {
      enabled: false,
      disabledReason: EMAIL_DISABLED,
      send: () => Promise.reject(new Error(renderMessage(EMAIL_DISABLED))),
      close: () => undefined,
    };
  }
  // Options in the URL (e.g. ?pool=false) win over these defaults.
  const transport = nodemailer.createTransport({
    url: opts.smtpUrl,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    enabled: true,
    disabledReason: null,
    async send(email) {
      const info = await transport.sendMail({ from: opts.from, ...email });
      return { messageId: String(info.messageId ?? '') };
    },
    close: () => transport.close(),
  };
}

/** A mailer that accepts every email and sends it nowhere (demo seeding, benchmarks): the run is what counts, not SMTP. */
export const discardingMailer = (host = 'liaison.local'): Mailer => ({
  enabled: true,
  disabledReason: null,
  discardsAttachments: true,
  send: async () => ({ messageId: `<discarded-${Date.now()}@${host}>` }),
  close: () => undefined,
});

/** The sender address: MAIL_FROM, or no-reply at the public host. */
export function defaultFrom(publicUrl?: string): string {
  const host = publicUrl ? new URL(publicUrl).hostname : 'localhost';
  return `Liaison <no-reply@${host}>`;
}
