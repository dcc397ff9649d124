import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { SMTPServer } from 'smtp-server';
import type { InboundMail } from './mail.inbound.js';
import { MailRefused, parseMessage, type MailLimits } from './mail.parse.js';

export const DEFAULT_MAIL_LIMITS: MailLimits = { maxBytes: 25 * 1024 * 1024, maxAttachments: 20 };

/** The built-in SMTP listener, listening. */
export interface InboundSmtp {
  port: number;
  close(): Promise<void>;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * Receives mail for the dropbox addresses: recipients that are not ours are refused at RCPT
 * (no open relay), the size is announced and enforced, and each message is parsed as it
 * streams and kept before the listener answers 250.
 */
export async function startInboundSmtp(
  inbound: InboundMail,
  opts: { port: number; host?: string; limits?: MailLimits; log: FastifyBaseLogger },
): Promise<InboundSmtp> {
  const limits = opts.limits ?? DEFAULT_MAIL_LIMITS;
  const server = new SMTPServer({
    name: 'liaison',
    banner: 'Liaison dropbox',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: limits.maxBytes,
    // Mail servers deliver a few messages at a time; more connections than this are refused.
    maxClients: 50,
    logger: false,
    onRcptTo(address, _session, callback) {
      inbound.accepts(address.address).then(
        (ok) => callback(ok ? null : smtpError(550, `No such mailbox: ${address.address}`)),
        (err: Error) => {
          opts.log.error({ err }, 'dropbox: could not check a recipient');
          callback(smtpError(451, 'Temporary failure, try again later'));
        },
      );
    },
    onData(stream, session, callback) {
      const envelopeTo = session.envelope.rcptTo.map((a) => a.address);
      parseMessage(stream, limits)
        .then((mail) => inbound.receive(mail, envelopeTo))
        .then((result) => {
          opts.log.info({ dropbox: result }, 'dropbox: message received');
          callback(null);
        })
        .catch((err: Error) => {
          if (err instanceof MailRefused) return callback(smtpError(err.responseCode, err.message));
          opts.log.error({ err }, 'dropbox: could not keep a message');
          callback(smtpError(451, 'Temporary failure, try again later'));
        });
    },
  });
  server.on('error', (err) => opts.log.error({ err }, 'dropbox: SMTP listener error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  opts.log.info(`dropbox: receiving mail on SMTP port ${port}`);
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
