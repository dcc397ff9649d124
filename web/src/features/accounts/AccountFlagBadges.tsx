/**
 * What needs attention on an account, from the flags the server sends with it: work stopped,
 * invoices overdue, credit used against the limit. Each badge says it in words; colour only adds.
 */
import { Badge, Group, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountFlags } from '@common/schemas/account';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../../lib/format';

/** Share of the limit from which the credit used is shown in orange. */
const NEAR_LIMIT = 0.8;

interface Props {
  flags: AccountFlags;
  /** The header shows every flag in full; a list row only what needs attention, briefly (the overdue amount and age stay). */
  full?: boolean;
  size?: MantineSize;
}

export function AccountFlagBadges({ flags, full = false, size = 'md' }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  const badge = (key: string, color: string, text: string): ReactNode => (
    <Badge key={key} color={color} size={size} tt="none" data-testid={`flag-${key}`}>
      {text}
    </Badge>
  );
  const badges: ReactNode[] = [];
  const { workStopped, overdue, creditUsed } = flags;
  if (workStopped) {
    const date = formatCalendarDate(workStopped.since.slice(0, 10), locale);
    badges.push(badge('work-stopped', 'red', full ? t('accountFlags.workStopped', { date }) : t('accountFlags.workStoppedShort')));
  }
  if (overdue) {
    const amount = overdue.amounts.map((a) => money(a.amountMinor, a.currency)).join(' + ');
    badges.push(badge('overdue', 'red', t('accountFlags.overdue', { amount, days: t('accounts.days', { count: overdue.oldestDays }) })));
  }
  if (creditUsed) {
    const { usedMinor, limitMinor, currency } = creditUsed;
    const figures = { used: money(usedMinor, currency), limit: money(limitMinor, currency) };
    if (usedMinor > limitMinor)
      badges.push(badge('credit', 'red', full ? t('accountFlags.overLimit', figures) : t('accountFlags.overLimitShort')));
    else if (full) {
      const share = limitMinor > 0 ? usedMinor / limitMinor : 0;
      const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
      badges.push(badge('credit', share >= NEAR_LIMIT ? 'orange' : 'gray', t('accountFlags.creditUsed', { ...figures, percent })));
    }
  }
  if (badges.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap">
      {badges}
    </Group>
  );
}
