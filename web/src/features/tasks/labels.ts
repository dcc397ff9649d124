/** Names for the configurable specialist roles: known ones translated, others as the admin typed them. */
import type { TFunction } from 'i18next';

export const roleLabel = (t: TFunction, role: string | null | undefined, lng?: string): string =>
  role ? t(`specialistRole.${role}`, { defaultValue: role, lng }) : '—';

/** Hours with the locale's decimal mark, e.g. "7.5 h" or "7,5 ч". */
export const hoursLabel = (t: TFunction, hours: number, locale: string): string =>
  t('task.hours', { hours: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(hours) });
