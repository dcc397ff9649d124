/** Invoices and credit notes as a table: number, account, status, dates and amounts. */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceSummary } from '@common/schemas/invoice';
import { DataTable } from '../../components/DataTable';
import { AnchorLink } from '../../components/links';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../../lib/format';
import { BillingBadge } from './BillingBadge';

export function InvoicesTable({ invoices }: { invoices: InvoiceSummary[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = (d: string | null) => (d ? formatCalendarDate(d, locale) : '—');
  return (
    <DataTable
      minWidth={760}
      headers={[
        t('invoices.number'),
        t('fields.account'),
        t('fields.status'),
        t('invoices.issueDate'),
        t('invoices.dueDate'),
        t('invoices.total'),
        t('invoices.balance'),
      ]}
    >
      {invoices.map((i) => (
        <Table.Tr key={i.id} data-testid="invoice-row">
          <Table.Td>
            <AnchorLink to="/invoices/$invoiceId" params={{ invoiceId: i.id }}>
              {i.number ?? t('invoices.draftNumber')}
            </AnchorLink>
            {i.kind === 'credit_note' && (
              <Text size="xs" c="dimmed">
                {t('invoiceKind.credit_note')}
              </Text>
            )}
          </Table.Td>
          <Table.Td>{i.accountName}</Table.Td>
          <Table.Td>
            <BillingBadge group="invoiceStatus" value={i.status} />
            {i.daysOverdue !== null && (
              <Text size="xs" c="red.8">
                {t('invoices.daysOverdue', { count: i.daysOverdue })}
              </Text>
            )}
          </Table.Td>
          <Table.Td>{date(i.issueDate)}</Table.Td>
          <Table.Td>{date(i.dueDate)}</Table.Td>
          <Table.Td ta="right">{formatMoney(i.totalMinor, i.currency, locale)}</Table.Td>
          <Table.Td ta="right">{formatMoney(i.balanceMinor, i.currency, locale)}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
