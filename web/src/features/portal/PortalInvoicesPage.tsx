/**
 * The invoices issued to the client's company (never drafts), newest first, each with what is left
 * to pay and its PDF; then how to pay and the company's statement.
 */
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceSummary } from '@common/schemas/invoice';
import { useCursorList } from '../../api/use-cursor-list';
import { EmptyState, ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../../lib/format';
import { BillingBadge } from '../billing/BillingBadge';
import { fileUrl } from '../documents/api';
import { useMe } from '../auth/session';
import { PortalHowToPay } from './PortalHowToPay';
import classes from './PortalShell.module.css';
import { PortalShell } from './PortalShell';
import { PortalStatement } from './PortalStatement';

function InvoiceCard({ invoice: i }: { invoice: InvoiceSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = t('portal.invoices.number', { number: i.number ?? '' });
  return (
    <Card withBorder padding="sm" data-testid="portal-invoice">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>{number}</Text>
        <BillingBadge group="invoiceStatus" value={i.status} />
      </Group>
      <Text size="sm">
        {[
          formatMoney(i.totalMinor, i.currency, locale),
          i.dueDate && t('portal.invoices.due', { date: formatCalendarDate(i.dueDate, locale) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {i.balanceMinor > 0 && (
        <Text size="sm" fw={600} className={i.daysOverdue !== null ? classes.late : undefined}>
          {t('portal.invoices.balance', { amount: formatMoney(i.balanceMinor, i.currency, locale) })}
        </Text>
      )}
      <Group mt="xs">
        <Button
          component="a"
          href={fileUrl(`/invoices/${i.id}/pdf`)}
          download
          variant="default"
          size="xs"
          aria-label={`${t('portal.invoices.pdf')}: ${number}`}
        >
          {t('portal.invoices.pdf')}
        </Button>
      </Group>
    </Card>
  );
}

export function PortalInvoicesPage() {
  const { t } = useTranslation();
  const list = useCursorList<InvoiceSummary>(['invoices', 'list'], '/invoices', { limit: 50 });
  const accountId = useMe().user.accountId;
  return (
    <PortalShell>
      <PageHeader title={t('portal.invoices.title')} />
      <Stack gap="lg">
        <ListBody list={list} empty={<EmptyState title={t('portal.invoices.emptyTitle')} body={t('portal.invoices.empty')} />}>
          <Stack gap="sm">
            {list.items.map((i) => (
              <InvoiceCard key={i.id} invoice={i} />
            ))}
          </Stack>
        </ListBody>
        <PortalHowToPay />
        {accountId && <PortalStatement accountId={accountId} />}
      </Stack>
    </PortalShell>
  );
}
