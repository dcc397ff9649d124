/** Receivables aging: a chart per currency, then a row per account or manager that drills into invoices. */
import { Anchor, Group, SegmentedControl, SimpleGrid, Table, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AGING_BUCKETS } from '@common/enums';
import type { ReceivablesReport, ReceivablesRow } from '@common/schemas/receivables';
import { useCursorList } from '../../api/use-cursor-list';
import { DataTable } from '../../components/DataTable';
import { AnchorLink } from '../../components/links';
import { EmptyState, ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../../lib/format';
import { ManagerFilter } from '../delivery/ManagerFilter';
import { csvUrl } from './api';
import { AgingChart } from './AgingChart';

const route = getRouteApi('/app/receivables');

export function ReceivablesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const groupBy = search.groupBy === 'manager' ? 'manager' : 'account';
  const query = { groupBy, ownerId: search.ownerId };
  const list = useCursorList<ReceivablesRow>(['reports', 'receivables'], '/reports/receivables', { ...query, limit: 100 });
  const first = list.data?.pages[0] as ReceivablesReport | undefined;
  const setSearch = (patch: Partial<typeof search>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  const cell = (r: ReceivablesRow, bucket: (typeof AGING_BUCKETS)[number]) => {
    const amount = formatMoney(r.bucketsMinor[bucket], r.currency, locale);
    if (groupBy !== 'account' || !r.key || r.bucketsMinor[bucket] === 0) return amount;
    return (
      <AnchorLink to="/invoices" search={{ accountId: r.key, bucket }}>
        {amount}
      </AnchorLink>
    );
  };

  return (
    <>
      <PageHeader title={t('receivables.title')}>
        <Anchor href={csvUrl('/reports/receivables.csv', query)} download>
          {t('receivables.csv')}
        </Anchor>
      </PageHeader>
      <Group align="flex-end" mb="md" role="search">
        <SegmentedControl
          aria-label={t('receivables.groupBy')}
          value={groupBy}
          onChange={(v) => setSearch({ groupBy: v === 'manager' ? 'manager' : undefined })}
          data={[
            { value: 'account', label: t('receivables.byAccount') },
            { value: 'manager', label: t('receivables.byManager') },
          ]}
        />
        <ManagerFilter value={search.ownerId} onChange={(ownerId) => setSearch({ ownerId })} anyLabel={t('receivables.allManagers')} />
      </Group>
      {first && (
        <SimpleGrid cols={{ base: 1, md: 2 }} mb="md" data-testid="aging-totals">
          {first.totals.map((total) => (
            <AgingChart key={total.currency} currency={total.currency} buckets={total.bucketsMinor} totalMinor={total.totalMinor} />
          ))}
        </SimpleGrid>
      )}
      <ListBody list={list} empty={<EmptyState title={t('receivables.emptyTitle')} body={t('receivables.emptyBody')} />}>
        <DataTable
          minWidth={900}
          headers={[
            groupBy === 'account' ? t('fields.account') : t('fields.owner'),
            t('fields.currency'),
            ...AGING_BUCKETS.map((b) => t(`agingBucket.${b}`)),
            t('invoices.total'),
          ]}
        >
          {list.items.map((r) => (
            <Table.Tr key={`${r.key}|${r.currency}`} data-testid="receivables-row">
              <Table.Td>
                {groupBy === 'account' && r.key ? (
                  <AnchorLink to="/invoices" search={{ accountId: r.key, status: 'open' }}>
                    {r.name}
                  </AnchorLink>
                ) : (
                  r.name
                )}
              </Table.Td>
              <Table.Td>{r.currency}</Table.Td>
              {AGING_BUCKETS.map((b) => (
                <Table.Td key={b} ta="right">
                  {cell(r, b)}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={700}>
                {formatMoney(r.totalMinor, r.currency, locale)}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </ListBody>
      {first && (
        <Text size="sm" c="dimmed" mt="sm">
          {t('receivables.asOf', { date: formatCalendarDate(first.asOf, locale) })}
        </Text>
      )}
    </>
  );
}
