/**
 * Rendering of catalogue messages: `{name}` is a parameter; `{name:set}` shows it through a
 * label set; `{name:money}` shows minor units in the `currency` parameter's currency;
 * `{name:days}` shows a count with its unit in the right plural form ("1 day", "5 дней");
 * `{name:date}` shows a calendar date (YYYY-MM-DD, or the date of a timestamp) as the language writes it.
 */
export type Language = 'en' | 'ru';
export interface Message {
  en: string;
  ru: string;
}
export type ParamValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type MessageParams = Record<string, ParamValue>;
/** Labels for enumerated values shown inside messages (stages, statuses, record kinds). */
export type LabelSets = Record<string, Record<string, Message>>;

const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;

/** Units counted in messages, by plural category of each language (Intl.PluralRules). */
export const COUNTED_UNITS: Record<string, Record<Language, Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>> = {
  days: { en: { one: 'day', other: 'days' }, ru: { one: 'день', few: 'дня', many: 'дней', other: 'дня' } },
};

/** Intl formatters are costly to build and are reused: one per language and kind (and currency). */
const formatters = new Map<string, Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat>(key: string, build: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = build()));
  return f;
}

/** A count and its unit, e.g. "1 day", "22 дня", "5 дней". */
export function formatCount(count: number, unit: string, language: Language): string {
  const forms = COUNTED_UNITS[unit][language];
  const locale = language === 'ru' ? 'ru-RU' : 'en-GB';
  const number = formatter(`n:${locale}`, () => new Intl.NumberFormat(locale));
  const plural = formatter(`p:${locale}`, () => new Intl.PluralRules(locale));
  return `${number.format(count)}\u00a0${forms[plural.select(count)] ?? forms.other}`;
}

/** Fills a template in a language; values of a label set are translated, lists joined with commas. */
export function fill(template: string, params: MessageParams, language: Language, labels: LabelSets): string {
  return template.replace(PLACEHOLDER, (whole, name: string, set?: string) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    if (set === 'money' && typeof value === 'number') return formatMinor(value, String(params.currency ?? 'EUR'), language);
    if (set === 'date' && typeof value === 'string') return formatDate(value, language);
    if (set && set in COUNTED_UNITS && typeof value === 'number') return formatCount(value, set, language);
    const label = (v: string | number) => (set && labels[set]?.[String(v)]?.[language]) || String(v);
    if (Array.isArray(value)) return value.length ? value.map(label).join(', ') : language === 'ru' ? '—' : 'none';
    return label(value as string | number);
  });
}

/** Minor units as money in the language's conventions (EUR 1,234.50 / 1 234,50 €). */
export function formatMinor(minor: number, currency: string, language: Language): string {
  const format = formatter(
    `c:${language}:${currency}`,
    () => new Intl.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { style: 'currency', currency }),
  );
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

/** A calendar date (or a timestamp's UTC date) as the language writes it: "20 Nov 2026" / "20 нояб. 2026 г.". */
export function formatDate(value: string, language: Language): string {
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  const locale = language === 'ru' ? 'ru-RU' : 'en-GB';
  const format = formatter(
    `d:${locale}`,
    () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  );
  return format.format(date);
}
