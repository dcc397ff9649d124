/** The retention forms' values: a choice of how, and the years when "for N years" is chosen. */
import type { TFunction } from 'i18next';
import type { FormErrors } from '@mantine/form';
import { MAX_RETENTION_YEARS } from '@common/schemas/privacy';

export type RetentionMode = 'inherit' | 'keep' | 'years';

export interface RetentionValues {
  mode: RetentionMode;
  years: number | string;
}

/** The form's values for stored years (null: kept for good). */
export const valuesOf = (inherit: boolean, years: number | null): RetentionValues => ({
  mode: inherit ? 'inherit' : years === null ? 'keep' : 'years',
  years: years ?? 3,
});

/** Whole years from 1 to the maximum, asked only when "for N years" is chosen. */
export function validateRetention(t: TFunction) {
  return (v: RetentionValues): FormErrors => {
    const n = Number(v.years);
    if (v.mode !== 'years') return {};
    return Number.isInteger(n) && n >= 1 && n <= MAX_RETENTION_YEARS ? {} : { years: t('privacy.retention.yearsInvalid') };
  };
}

/** The years to store: null keeps interactions for good. */
export const yearsOf = (v: RetentionValues): number | null => (v.mode === 'years' ? Number(v.years) : null);
