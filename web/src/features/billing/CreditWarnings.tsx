/** The credit warnings the server gives before more work or invoices are added to an account. */
import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CreditWarning } from '@common/schemas/invoice';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../../lib/format';

export function CreditWarnings({ warnings }: { warnings: CreditWarning[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (warnings.length === 0) return null;
  const text = (w: CreditWarning) => {
    const p = w.params;
    const currency = typeof p.currency === 'string' ? p.currency : 'EUR';
    const money = (v: unknown) => (typeof v === 'number' ? formatMoney(v, currency, locale) : '');
    // Over the limit already, with nothing being added: what is owed now, not what it grows to.
    const code = w.code === 'over_credit_limit' && p.projectedMinor === p.exposureMinor ? 'over_credit_limit_now' : w.code;
    return t(`creditWarning.${code}`, {
      projected: money(p.projectedMinor),
      owed: money(p.exposureMinor),
      limit: money(p.creditLimitMinor),
      count: typeof p.days === 'number' ? p.days : undefined,
      since: typeof p.since === 'string' ? formatCalendarDate(p.since.slice(0, 10), locale) : '',
      reason: p.reason ?? '',
    });
  };
  return (
    <Alert color="orange" title={t('creditWarning.title')} role="alert" data-testid="credit-warnings">
      <List size="sm" spacing={4}>
        {warnings.map((w) => (
          <List.Item key={w.code}>{text(w)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
