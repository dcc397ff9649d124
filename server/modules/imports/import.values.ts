import type { z } from 'zod';
import { INTERACTION_TYPES, type InteractionType } from '../../../common/enums.js';
import { isMessageCode, issueMessage, type MessageParams } from '../../../common/messages/index.js';
import { foldText } from '../../lib/text.js';

/** A problem with one field of a row, by message code. */
export interface FieldIssue {
  field: string;
  code: string;
  params?: MessageParams;
}

/** Runs a shared schema over a row's fields: the parsed values, or each field's problem (codes as the API gives them). */
export function parseWith<S extends z.ZodType>(schema: S, input: Record<string, unknown>, issues: FieldIssue[]): z.output<S> | null {
  const res = schema.safeParse(input);
  if (res.success) return res.data;
  for (const issue of res.error.issues) {
    const { code, params } = issueMessage(issue, isMessageCode);
    issues.push({ field: String(issue.path[0] ?? ''), code, params });
  }
  return null;
}

const fold = (v: string) => foldText(v).trim();

/** A value of an enumeration from its own word or an English/Russian synonym; the text itself when none fits (the schema refuses it). */
export function choice(value: string | undefined, synonyms: Record<string, string[]>): string | undefined {
  if (value === undefined) return undefined;
  const v = fold(value);
  for (const [key, words] of Object.entries(synonyms)) if (v === key || words.includes(v)) return key;
  return value;
}

export const STATUS_WORDS: Record<string, string[]> = {
  prospect: ['lead', 'potential', 'потенциальный', 'лид', 'потенциальный клиент', 'новый'],
  active: ['client', 'customer', 'активный', 'клиент', 'действующий'],
  paused: ['on hold', 'пауза', 'приостановлен', 'на паузе'],
  churned: ['lost', 'former', 'ушел', 'ушёл', 'бывший', 'потерян'],
};

export const TYPE_WORDS: Record<InteractionType, string[]> = {
  meeting: ['встреча', 'visit', 'визит'],
  call: ['phone', 'phone call', 'звонок', 'телефон', 'созвон'],
  email: ['e-mail', 'mail', 'письмо', 'почта'],
  note: ['comment', 'заметка', 'комментарий', 'примечание'],
};
export const DEFAULT_TYPE: InteractionType = INTERACTION_TYPES[3];

const CURRENCY_WORDS: Record<string, string[]> = {
  RUB: ['руб', 'руб.', 'рубль', 'рубли', 'р.', '₽', 'rur'],
  EUR: ['€', 'евро'],
  USD: ['$', 'доллар', 'долл', 'us$'],
};

/** A currency code from a code or a common symbol or word. */
export function currencyOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = fold(value);
  for (const [code, words] of Object.entries(CURRENCY_WORDS)) if (words.includes(v)) return code;
  return value.trim().toUpperCase();
}

/** A calendar date from YYYY-MM-DD, DD.MM.YYYY (1C, Russian Excel) or an ISO timestamp; null when it is none of them. */
export function dateOf(value: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(value);
  if (m) return validDate(m[1], m[2], m[3]);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(value);
  if (m) return validDate(m[3], m[2].padStart(2, '0'), m[1].padStart(2, '0'));
  return null;
}

function validDate(y: string, mo: string, d: string): string | null {
  const text = `${y}-${mo}-${d}`;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? text : null;
}

/** A moment from an ISO timestamp, a date (its noon UTC, so the day holds in any zone) or DD.MM.YYYY HH:MM. */
export function momentOf(value: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  const day = dateOf(value);
  if (!day) return null;
  const time = /\s(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!time) return `${day}T12:00:00.000Z`;
  return `${day}T${time[1].padStart(2, '0')}:${time[2]}:${time[3] ?? '00'}.000Z`;
}

/**
 * An amount as a plain decimal ("1234.50") from how spreadsheets write money: spaces or
 * apostrophes between thousands, a comma or a point for decimals, a currency sign around it.
 */
export function decimalOf(value: string): string | null {
  let v = value.replace(/[\s\u00a0\u202f']/g, '').replace(/^[^\d-]+|[^\d]+$/g, '');
  if (!/^-?[\d.,]+$/.test(v)) return null;
  const lastComma = v.lastIndexOf(',');
  const lastPoint = v.lastIndexOf('.');
  const decimalMark = lastComma > lastPoint ? ',' : '.';
  const other = decimalMark === ',' ? '.' : ',';
  // "1,234" with one comma and three digits after is thousands in English spreadsheets.
  if (decimalMark === ',' && lastPoint < 0 && /^-?\d{1,3}(,\d{3})+$/.test(v)) return v.replace(/,/g, '');
  v = v.split(other).join('');
  const parts = v.split(decimalMark);
  if (parts.length > 2) return null;
  return parts.join('.');
}

/** A person's first and last name from one cell: "Иванов Иван Иванович" (surname first, as 1C writes) or "John Smith". */
export function splitFullName(full: string): { firstName: string; lastName: string | null } {
  const words = full.split(/\s+/).filter(Boolean);
  if (words.length < 2) return { firstName: full, lastName: null };
  if (/[а-яё]/i.test(full)) return { lastName: words[0], firstName: words.slice(1).join(' ') };
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1] };
}

/** A website as duplicates are compared: host and path without scheme, "www." or a trailing slash. */
export const websiteKey = (website: string | null | undefined): string =>
  (website ?? '')
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');

const digitsCache = new Map<string, number>();
/** Fraction digits of a currency's minor unit (2 for EUR, 0 for JPY). */
export function minorDigits(currency: string): number {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, d);
  }
  return d;
}
