import type { PdfModel } from './pdf.model.js';
import { paperDate } from './pdf.words.js';

/** Who signed, as the appended page states it. */
export interface SignatureFacts {
  signerName: string;
  accountName: string;
  /** ISO timestamp (UTC). */
  at: string;
  ipAddress: string | null;
  number: string;
  /** SHA-256 of the PDF as it was sent: the copy the signature is for. */
  sentSha256: string | null;
}

const WORDS = {
  en: {
    heading: 'Signature',
    statement: (s: SignatureFacts) =>
      `${s.signerName}, on behalf of ${s.accountName}, signed document ${s.number} electronically in the client portal by typing their full name and confirming that it is their signature.`,
    signer: 'Signed by',
    on: 'On behalf of',
    at: 'Date and time (UTC)',
    ip: 'IP address',
    copy: 'SHA-256 of the sent copy',
  },
  ru: {
    heading: 'Подпись',
    statement: (s: SignatureFacts) =>
      `${s.signerName} от имени ${s.accountName} подписал(а) документ № ${s.number} электронно в личном кабинете клиента, введя полное имя и подтвердив, что это его (её) подпись.`,
    signer: 'Подписал(а)',
    on: 'От имени',
    at: 'Дата и время (UTC)',
    ip: 'IP-адрес',
    copy: 'SHA-256 отправленной копии',
  },
} as const;

/** The signed copy's model: the sent model unchanged, with the signature page appended. */
export function withSignaturePage(sent: PdfModel, s: SignatureFacts): PdfModel {
  const w = WORDS[sent.language];
  const time = `${paperDate(s.at.slice(0, 10), sent.language)}, ${s.at.slice(11, 19)}`;
  return {
    ...sent,
    signaturePage: {
      heading: w.heading,
      statement: w.statement(s),
      facts: [
        [w.signer, s.signerName],
        [w.on, s.accountName],
        [w.at, time],
        [w.ip, s.ipAddress ?? '—'],
        [w.copy, s.sentSha256 ?? '—'],
      ],
    },
  };
}
