/** The Today settings form: a status's cadence left empty means "never". */
import { ACCOUNT_STATUSES, type AccountStatus } from '@common/enums';
import type { TodaySettings } from '@common/schemas/today-settings';

export interface TodaySettingsValues extends Omit<TodaySettings, 'contactCadenceDays'> {
  contactCadenceDays: Record<AccountStatus, number | string>;
}

export const toValues = (s: TodaySettings): TodaySettingsValues => ({
  ...s,
  contactCadenceDays: Object.fromEntries(ACCOUNT_STATUSES.map((st) => [st, s.contactCadenceDays[st] ?? ''])) as Record<
    AccountStatus,
    number | string
  >,
});

export const toSettings = (v: TodaySettingsValues): TodaySettings => ({
  ...v,
  contactCadenceDays: Object.fromEntries(
    ACCOUNT_STATUSES.map((st) => {
      const days = v.contactCadenceDays[st];
      return [st, days === '' ? null : Number(days)];
    }),
  ) as TodaySettings['contactCadenceDays'],
});
