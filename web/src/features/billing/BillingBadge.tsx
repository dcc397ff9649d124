/** A badge for a money state (invoice, payment, email) in a colour that says how it goes. */
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Colours the theme keeps readable (AA); unknown values stay grey.
const TONES: Record<string, string> = {
  issued: 'indigo',
  partially_paid: 'orange',
  paid: 'green',
  overdue: 'red',
  recorded: 'green',
  reversed: 'orange',
  sent: 'green',
  pending: 'orange',
  failed: 'red',
};

type Group = 'invoiceStatus' | 'paymentStatus' | 'emailStatus';

export function BillingBadge({ group, value, ...props }: BadgeProps & { group: Group; value: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={TONES[value] ?? 'gray'} {...props}>
      {t(`${group}.${value}`)}
    </Badge>
  );
}
