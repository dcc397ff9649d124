import { formatMinor, type Language } from './messages/index.js';
import type { TierCheck, TierCheckRule } from './schemas/loyalty.js';

const RULE_NAMES: Record<TierCheckRule, Record<Language, string>> = {
  tenure: { en: 'tenure', ru: 'стаж' },
  paid_revenue: { en: 'paid revenue 12 mo', ru: 'оплачено за 12 мес.' },
  on_time: { en: 'paid on time', ru: 'оплачено в срок' },
  nps: { en: 'latest NPS', ru: 'последний NPS' },
  critical_claims: { en: 'open critical claims', ru: 'открытые критичные претензии' },
  backup_manager: { en: 'backup manager', ru: 'заместитель менеджера' },
};

const NONE: Record<Language, string> = { en: 'none', ru: 'нет' };
const MONTHS: Record<Language, string> = { en: 'mo', ru: 'мес.' };

function figure(check: TierCheck, value: number | null, language: Language): string {
  if (value === null) return NONE[language];
  switch (check.rule) {
    case 'paid_revenue':
      return formatMinor(value, check.currency ?? 'EUR', language);
    case 'tenure':
      return `${value} ${MONTHS[language]}`;
    case 'on_time':
      return `${value} %`;
    case 'backup_manager':
      return value ? (language === 'ru' ? 'назначен' : 'named') : NONE[language];
    default:
      return String(value);
  }
}

/**
 * One rule's check as a line a person reads, e.g. "paid revenue 12 mo €48,200.00 ≥ €40,000.00 ✓"
 * or "open critical claims 1 ✗" (the same words in emails and on the account page).
 */
export function describeCheck(check: TierCheck, language: Language): string {
  const mark = check.passed ? '✓' : '✗';
  const name = RULE_NAMES[check.rule][language];
  if (check.rule === 'critical_claims' || check.rule === 'backup_manager') return `${name} ${figure(check, check.value, language)} ${mark}`;
  const op = check.passed ? '≥' : '<';
  return `${name} ${figure(check, check.value, language)} ${op} ${figure(check, check.threshold, language)} ${mark}`;
}
