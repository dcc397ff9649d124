/**
 * Rendering of catalogue messages: `{name}` is a parameter; `{name:set}` shows it through a
 * label set; `{name:money}` shows minor units in the `currency` parameter's currency.
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

/** Fills a template in a language; values of a label set are translated, lists joined with commas. */
export function fill(template: string, params: MessageParams, language: Language, labels: LabelSets): string {
  return template.replace(PLACEHOLDER, (whole, name: string, set?: string) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    if (set === 'money' && typeof value === 'number') return formatMinor(value, String(params.currency ?? 'EUR'), language);
    const label = (v: string | number) => (set && labels[set]?.[String(v)]?.[language]) || String(v);
    if (Array.isArray(value)) return value.length ? value.map(label).join(', ') : language === 'ru' ? '—' : 'none';
    return label(value as string | number);
  });
}

/** Minor units as money in the language's conventions (EUR 1,234.50 / 1 234,50 €). */
export function formatMinor(minor: number, currency: string, language: Language): string {
  const format = new Intl.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}
