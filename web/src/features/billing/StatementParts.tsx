/** A statement's summary and entries, as staff and the client's portal both show them. */
import type { ReactNode } from 'react';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Statement } from '@common/schemas/receivables';
import { DataTable } from '../../components/DataTable';
import { Details } from '../../components/Details';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../../lib/format';

type Entry = Statement['entries'][number];

export function StatementSummary({ statement: s }: { statement: Statement }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (v: number) => formatMoney(v, s.currency, locale);
  return (
    <Details
      items={[
        [t('statement.opening', { date: formatCalendarDate(s.from, locale) }), money(s.openingBalanceMinor)],
        [t('statement.invoiced'), money(s.invoicedMinor)],
        [t('statement.received'), money(s.receivedMinor)],
        [
          t('statement.closing', { date: formatCalendarDate(s.to, locale) }),
          <Text key="c" fw={700} span data-testid="statement-closing">
            {money(s.closingBalanceMinor)}
          </Text>,
        ],
      ]}
    />
  );
}

/** Every entry with the balance after it; `reference` words the invoice's number (a link for staff). */
export function StatementEntries({
  statement: s,
  reference,
  minWidth,
}: {
  statement: Statement;
  reference: (e: Entry) => ReactNode;
  minWidth?: number;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (v: number) => formatMoney(v, s.currency, locale);
  if (s.entries.length === 0) {
    return (
      <Text c="dimmed" mt="sm">
        {t('statement.empty')}
      </Text>
    );
  }
  return (
    <DataTable
      minWidth={minWidth}
      headers={[
        t('followUps.date'),
        t('statement.entry'),
        t('statement.reference'),
        t('statement.debit'),
        t('statement.credit'),
        t('statement.balance'),
      ]}
    >
      {s.entries.map((e, i) => (
        <Table.Tr key={`${e.type}-${e.paymentId ?? e.invoiceId}-${i}`} data-testid="statement-entry">
          <Table.Td>{formatCalendarDate(e.date, locale)}</Table.Td>
          <Table.Td>{t(`statement.type.${e.type}`)}</Table.Td>
          <Table.Td>{reference(e)}</Table.Td>
          <Table.Td ta="right">{e.debitMinor ? money(e.debitMinor) : ''}</Table.Td>
          <Table.Td ta="right">{e.creditMinor ? money(e.creditMinor) : ''}</Table.Td>
          <Table.Td ta="right">{money(e.balanceMinor)}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
