import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on a random loopback port that keeps what it receives, for tests. */
export interface SmtpSink {
  url: string;
  messages: ParsedMail[];
  /** Refuses the next `n` messages with a temporary error, to exercise retries. */
  failNext(n: number): void;
  clear(): void;
  close(): Promise<void>;
}

/**
 * The staff's morning digest, in either language. A test of another module's emails that runs
 * every job a day passes it as `except`: the digest has its own tests (inbox).
 */
export const isStaffDigest = (mail: ParsedMail) => /^(Your morning digest for|Утренняя сводка на) /.test(mail.subject ?? '');

/** `except`: mail the sink accepts and does not keep. */
export async function startSmtpSink(opts: { except?: (mail: ParsedMail) => boolean } = {}): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failures > 0) {
          failures -= 1;
          const err = new Error('Mailbox busy, try again later') as Error & { responseCode: number };
          err.responseCode = 451;
          return callback(err);
        }
        simpleParser(Buffer.concat(chunks))
          .then((mail) => {
            if (!opts.except?.(mail)) messages.push(mail);
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    failNext: (n) => (failures = n),
    clear: () => messages.splice(0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
