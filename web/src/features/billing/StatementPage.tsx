/** An account's statement for a period: opening balance, every invoice and payment, closing balance. */
import { Anchor, Group, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { Details } from '../../components/Details';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../../lib/format';
import { csvUrl, statementQuery } from './api';

const route = getRouteApi('/app/accounts/$accountId/statement');

export function StatementPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { accountId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(statementQuery(accountId, { from: search.from, to: search.to }));
  const setSearch = (patch: Partial<typeof search>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  return (
    <RecordGate query={query}>
      {(s) => {
        const money = (v: number) => formatMoney(v, s.currency, locale);
        return (
          <>
            <PageHeader title={t('statement.title', { name: s.accountName })}>
              <Anchor href={csvUrl(`/accounts/${accountId}/statement.csv`, { from: s.from, to: s.to })} download>
                {t('statement.csv')}
              </Anchor>
            </PageHeader>
            <Group align="flex-end" mb="md" role="search">
              <TextInput
                type="date"
                label={t('statement.from')}
                value={s.from}
                onChange={(e) => setSearch({ from: e.currentTarget.value || undefined })}
              />
              <TextInput
                type="date"
                label={t('statement.to')}
                value={s.to}
                onChange={(e) => setSearch({ to: e.currentTarget.value || undefined })}
              />
              <AnchorLink to="/accounts/$accountId" params={{ accountId }}>
                {t('statement.backToAccount')}
              </AnchorLink>
            </Group>
            <SimpleGrid cols={1} mb="md">
              <Section title={t('statement.summary')}>
                <Details
                  items={[
                    [t('statement.opening', { date: formatCalendarDate(s.from, locale) }), money(s.openingBalanceMinor)],
                    [t('statement.invoiced'), money(s.invoicedMinor)],
                    [t('statement.received'), money(s.receivedMinor)],
                    [
                      t('statement.closing', { date: formatCalendarDate(s.to, locale) }),
                      <Text key="c" fw={700} span>
                        {money(s.closingBalanceMinor)}
                      </Text>,
                    ],
                  ]}
                />
              </Section>
            </SimpleGrid>
            <DataTable
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
                <Table.Tr key={`${e.type}-${e.paymentId ?? e.invoiceId}-${i}`}>
                  <Table.Td>{formatCalendarDate(e.date, locale)}</Table.Td>
                  <Table.Td>{t(`statement.type.${e.type}`)}</Table.Td>
                  <Table.Td>
                    <AnchorLink to="/invoices/$invoiceId" params={{ invoiceId: e.invoiceId }}>
                      {e.reference ?? '—'}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td ta="right">{e.debitMinor ? money(e.debitMinor) : ''}</Table.Td>
                  <Table.Td ta="right">{e.creditMinor ? money(e.creditMinor) : ''}</Table.Td>
                  <Table.Td ta="right">{money(e.balanceMinor)}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            {s.entries.length === 0 && (
              <Text c="dimmed" mt="sm">
                {t('statement.empty')}
              </Text>
            )}
          </>
        );
      }}
    </RecordGate>
  );
}
