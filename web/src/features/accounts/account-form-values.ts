/** Converting between an account and the values its form edits. */
import type { AccountStatus, Language } from '@common/enums';
import type { Account, AccountCreate } from '@common/schemas/account';
import i18n from '../../i18n';
import { emptyToNull, type Conversion } from '../../lib/forms';
import { minorToDecimal, parseMoney } from '../../lib/format';

export interface AccountFormValues {
  name: string;
  status: AccountStatus;
  industry: string;
  website: string;
  ownerId: string;
  backupOwnerId: string;
  currency: string;
  paymentTermsDays: number | string;
  /** The credit limit as typed, in major units ("5000.00"); the API wants minor units. */
  creditLimit: string;
  language: Language;
}

/** API field names that the form calls differently. */
export const ACCOUNT_FIELD_RENAMES = { creditLimitMinor: 'creditLimit' };

// Used to read a credit limit typed before a currency is chosen: most currencies have cents.
const FALLBACK_CURRENCY = 'EUR';

export function accountToValues(account: Account | undefined, language: Language): AccountFormValues {
  return {
    name: account?.name ?? '',
    status: account?.status ?? 'prospect',
    industry: account?.industry ?? '',
    website: account?.website ?? '',
    ownerId: account?.ownerId ?? '',
    backupOwnerId: account?.backupOwnerId ?? '',
    currency: account?.currency ?? '',
    paymentTermsDays: account?.paymentTermsDays ?? 14,
    creditLimit: account?.creditLimitMinor == null ? '' : minorToDecimal(account.creditLimitMinor, account.currency),
    language: account?.language ?? language,
  };
}

/** The API body for the values; a credit limit that is not an amount is reported on its field. */
export function valuesToAccount(values: AccountFormValues, locale: string): Conversion<AccountCreate> {
  const currency = values.currency.trim().toUpperCase();
  const creditLimitMinor = parseMoney(values.creditLimit, currency || FALLBACK_CURRENCY, locale);
  const terms = values.paymentTermsDays;
  return {
    payload: {
      name: values.name,
      status: values.status,
      industry: emptyToNull(values.industry),
      website: emptyToNull(values.website),
      ownerId: values.ownerId || null,
      backupOwnerId: values.backupOwnerId || null,
      // Left empty, the server applies the agency's default currency.
      currency: currency || undefined,
      paymentTermsDays: terms === '' ? undefined : Number(terms),
      creditLimitMinor: creditLimitMinor ?? null,
      language: values.language,
    },
    errors: creditLimitMinor === undefined ? { creditLimit: i18n.t('accounts.badAmount') } : undefined,
  };
}
