/** Dates, numbers and money shown in the user's locale through Intl. */

/**
 * One Intl formatter per locale and options, kept: building one costs far more than using it,
 * and a page formats hundreds of dates and amounts while it renders.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d ${locale} ${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n ${locale} ${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/** The most specific browser locale for the chosen UI language (en-US, en-GB, ru-RU…). */
export function localeFor(language: string, preferred: readonly string[] = browserLocales()): string {
  return preferred.find((l) => l.toLowerCase().split('-')[0] === language) ?? language;
}

function browserLocales(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
}

/**
 * Non-breaking spaces keep a date's parts from wrapping apart: the day with its month
 * ("30 нояб."), and the Russian year with its "г." ("2025 г."), which must never stand alone.
 */
const keepYearTogether = (text: string) => text.replace(/^(\d{1,2}) (?=\p{L})/u, '$1\u00a0').replace(/(\d) (г\.)/g, '$1\u00a0$2');

/** A timestamp as a date, e.g. "5 Mar 2025". */
export function formatDate(iso: string, locale: string): string {
  return keepYearTogether(dateFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)));
}

/** A timestamp as date and time in the browser's time zone. */
export function formatDateTime(iso: string, locale: string): string {
  return keepYearTogether(dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)));
}

/** A calendar date (`YYYY-MM-DD`); formatted in UTC so it never shifts by a day. */
export function formatCalendarDate(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return keepYearTogether(dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d))));
}

/** A plain number with the locale's grouping and decimal marks. */
export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}

/** How many minor units digits a currency has (2 for EUR, 0 for JPY). */
export function currencyDigits(currency: string): number {
  try {
    return numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2; // an unknown code: assume cents rather than fail the page
  }
}

/** Integer minor units as an exact decimal string ("123456" EUR -> "1234.56"); no float maths. */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const negative = minor < 0;
  const text = BigInt(Math.abs(minor))
    .toString()
    .padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = digits ? `.${text.slice(text.length - digits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Money in integer minor units as the locale writes it, e.g. "€1,234.56" or "1 234,56 €". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const format = numberFormat(locale, { style: 'currency', currency });
  // Intl formats decimal strings exactly, so large amounts never pass through a float.
  return format.format(minorToDecimal(minor, currency) as unknown as number);
}

function separators(locale: string): { group: string; decimal: string } {
  const parts = numberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

/**
 * Reads an amount typed by the user ("1 234,50" in Russian, "1,234.50" in English) as
 * integer minor units. Returns null when empty, undefined when it is not a valid amount.
 */
export function parseMoney(text: string, currency: string, locale: string): number | null | undefined {
  const { group, decimal } = separators(locale);
  let cleaned = text.replace(/[\s\u00a0\u202f]/g, '');
  if (cleaned === '') return null;
  if (group.trim()) cleaned = cleaned.split(group).join('');
  // Accept a dot as decimal mark too: people type it whatever their locale.
  if (decimal !== '.') cleaned = cleaned.replace(decimal, '.');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return undefined;
  const digits = currencyDigits(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return undefined;
  const minor = BigInt(match[1]) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  return minor > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(minor);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date as the value of an `<input type="datetime-local">` in the browser's time zone. */
export function toDateTimeInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local input's value as a UTC ISO timestamp, or null when it is not a time. */
export function fromDateTimeInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A month (`YYYY-MM`), e.g. "Dec 2026"; in UTC so it never shifts. */
export function formatMonth(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  return keepYearTogether(dateFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1))));
}

/** A share (0–1) as a whole percent, e.g. "40%". */
export function formatPercent(share: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
