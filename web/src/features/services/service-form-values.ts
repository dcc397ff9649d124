/** Converting between a service and the text its editor holds (prices typed in major units, hours and days as typed). */
import type { Language, ServiceUnit, WorkKind } from '@common/enums';
import type { LocalizedText, Service, ServiceCreate } from '@common/schemas/service';
import i18n, { translateMessage } from '../../i18n';
import type { Conversion } from '../../lib/forms';
import { minorToDecimal, parseMoney } from '../../lib/format';

export interface PriceValues {
  currency: string;
  /** In major units as typed ("1200,50"). */
  amount: string;
}

export interface MilestoneValues {
  key: string;
  title: Record<Language, string>;
  offsetDays: string;
}

export interface TaskValues {
  /** Rows are keyed for React by this, so moving one keeps its inputs. */
  rowKey: string;
  title: Record<Language, string>;
  role: string;
  hours: string;
  /** The milestone's key, or '' for none. */
  milestoneKey: string;
}

export interface ServiceFormValues {
  name: Record<Language, string>;
  description: Record<Language, string>;
  workKind: WorkKind | '';
  unit: ServiceUnit | '';
  prices: PriceValues[];
  milestones: MilestoneValues[];
  tasks: TaskValues[];
}

let seq = 0;
/** A key for a new milestone or row, unique in the editor (the server keeps milestone keys as given). */
export const newKey = (prefix: string) => `${prefix}${Date.now().toString(36)}${(++seq).toString(36)}`;

const texts = (t: LocalizedText | undefined): Record<Language, string> => ({ en: t?.en ?? '', ru: t?.ru ?? '' });

export const emptyPrice = (currency = ''): PriceValues => ({ currency, amount: '' });
export const emptyMilestone = (): MilestoneValues => ({ key: newKey('m'), title: { en: '', ru: '' }, offsetDays: '0' });
export const emptyTask = (role = ''): TaskValues => ({ rowKey: newKey('t'), title: { en: '', ru: '' }, role, hours: '', milestoneKey: '' });

/** The editor's values for a service, or for a new one priced in the agency's currency. */
export function serviceToValues(service: Service | undefined, currency: string): ServiceFormValues {
  if (!service) {
    return {
      name: texts(undefined),
      description: texts(undefined),
      workKind: '',
      unit: '',
      prices: [emptyPrice(currency)],
      milestones: [],
      tasks: [],
    };
  }
  return {
    name: texts(service.name),
    description: texts(service.description),
    workKind: service.workKind,
    unit: service.unit,
    prices: service.prices.map((p) => ({ currency: p.currency, amount: minorToDecimal(p.amountMinor, p.currency) })),
    milestones: service.template.milestones.map((m) => ({ key: m.key, title: texts(m.title), offsetDays: String(m.offsetDays) })),
    tasks: service.template.tasks.map((t) => ({
      rowKey: newKey('t'),
      title: texts(t.title),
      role: t.role,
      hours: String(t.hours),
      milestoneKey: t.milestoneKey ?? '',
    })),
  };
}

/** "2,5" → 2.5; text that is not a plain number becomes NaN, which the schema refuses with its own words. */
const decimal = (text: string) => (/^\s*-?\d+([.,]\d+)?\s*$/.test(text) ? Number(text.trim().replace(',', '.')) : Number.NaN);

/** The API body for the values; a price that is not an amount is reported on its field. */
export function valuesToService(values: ServiceFormValues, locale: string): Conversion<ServiceCreate> {
  const errors: Record<string, string> = {};
  const prices = values.prices.map((p, i) => {
    // A negative amount is read apart from the locale's format, so the server's "cannot be negative" applies.
    const negative = p.amount.trim().startsWith('-');
    const minor = parseMoney(p.amount.trim().replace(/^-/, ''), p.currency || 'EUR', locale);
    if (minor === undefined || minor === null) errors[`prices.${i}.amount`] = i18n.t('services.badAmount');
    return { currency: p.currency, amountMinor: minor ? (negative ? -minor : minor) : 0 };
  });
  return {
    payload: {
      name: values.name,
      description: values.description,
      workKind: values.workKind as WorkKind,
      unit: values.unit as ServiceUnit,
      prices,
      template: {
        milestones: values.milestones.map((m) => ({ key: m.key, title: m.title, offsetDays: decimal(m.offsetDays) })),
        tasks: values.tasks.map((t) => ({ title: t.title, role: t.role, hours: decimal(t.hours), milestoneKey: t.milestoneKey || null })),
      },
    },
    errors,
  };
}

/**
 * API field names the form calls differently, for as many rows as an editor holds: a price is typed
 * as `prices.0.amount`, and the template's lists sit at the form's top level.
 */
export const SERVICE_RENAMES: Record<string, string> = Object.fromEntries(
  Array.from({ length: 200 }, (_, i): [string, string][] => [
    [`prices.${i}.amountMinor`, `prices.${i}.amount`],
    ...['key', 'offsetDays', 'title.en', 'title.ru'].map((f): [string, string] => [
      `template.milestones.${i}.${f}`,
      `milestones.${i}.${f}`,
    ]),
    ...['role', 'hours', 'milestoneKey', 'title.en', 'title.ru'].map((f): [string, string] => [
      `template.tasks.${i}.${f}`,
      `tasks.${i}.${f}`,
    ]),
  ])
    .flat()
    .concat([
      ['template.milestones', 'milestones'],
      ['template.tasks', 'tasks'],
    ]),
);

/** Names and titles left blank in the agency's language, worded as the server words them. */
export function missingTexts(values: ServiceFormValues, language: Language): Record<string, string> {
  const errors: Record<string, string> = {};
  const need = (path: string, text: Record<Language, string>, code: 'service.name_required' | 'service.title_required') => {
    if (!text[language].trim()) errors[`${path}.${language}`] = translateMessage(code, { language });
  };
  need('name', values.name, 'service.name_required');
  values.milestones.forEach((m, i) => need(`milestones.${i}.title`, m.title, 'service.title_required'));
  values.tasks.forEach((task, i) => need(`tasks.${i}.title`, task.title, 'service.title_required'));
  return errors;
}
