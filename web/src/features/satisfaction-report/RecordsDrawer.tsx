/** The records behind an item of the analysis, in a side panel: each opens its own page. */
import { Drawer, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SatisfactionDrill, SatisfactionRecord } from '@common/schemas/satisfaction-report';
import { DataTable } from '../../components/DataTable';
import { EmptyState, ListBody } from '../../components/ListStates';
import { AnchorLink } from '../../components/links';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatDate, formatMoney } from '../../lib/format';
import { useSatisfactionRecords, type SatisfactionFilter } from './api';

interface Props {
  filter: SatisfactionFilter;
  open: { drill: SatisfactionDrill; title: string } | null;
  onClose: () => void;
}

/** The record's own page. */
function RecordLink({ r }: { r: SatisfactionRecord }) {
  switch (r.kind) {
    case 'claims':
      return (
        <AnchorLink to="/claims/$claimId" params={{ claimId: r.id }}>
          {r.title}
        </AnchorLink>
      );
    case 'tasks':
      return (
        <AnchorLink to="/tasks/$taskId" params={{ taskId: r.id }}>
          {r.title}
        </AnchorLink>
      );
    case 'invoices':
      return (
        <AnchorLink to="/invoices/$invoiceId" params={{ invoiceId: r.id }}>
          {r.title}
        </AnchorLink>
      );
    case 'milestones':
      return (
        <AnchorLink to="/projects/$projectId" params={{ projectId: r.projectId ?? '' }}>
          {r.title}
        </AnchorLink>
      );
    case 'answers':
      return (
        <AnchorLink to="/accounts/$accountId" params={{ accountId: r.accountId }}>
          {r.title}
        </AnchorLink>
      );
  }
}

export function RecordsDrawer({ filter, open, onClose }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useSatisfactionRecords(filter, open?.drill ?? null);
  const when = (r: SatisfactionRecord) =>
    r.kind === 'answers' || r.kind === 'claims' ? formatDate(r.date, locale) : formatCalendarDate(r.date, locale);
  const figure = (r: SatisfactionRecord) => {
    if (r.score !== null) return String(r.score);
    if (r.status !== null) return t(`claims.status.${r.status}`);
    const parts = [
      r.amountMinor !== null && r.currency !== null ? formatMoney(r.amountMinor, r.currency, locale) : null,
      r.daysLate !== null ? t('satisfaction.daysLate', { count: r.daysLate }) : null,
    ];
    return parts.filter(Boolean).join(' · ');
  };
  return (
    <Drawer
      opened={open !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={open?.title ?? ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {open && (
        <ListBody list={list} empty={<EmptyState title={t('satisfaction.noRecords')} body={t('satisfaction.noRecordsBody')} />}>
          <DataTable minWidth={560} headers={[t('satisfaction.date'), t('fields.account'), t('satisfaction.record'), '']}>
            {list.items.map((r) => (
              <Table.Tr key={r.id} data-testid="drill-record">
                <Table.Td>{when(r)}</Table.Td>
                <Table.Td>{r.accountName}</Table.Td>
                <Table.Td>
                  <RecordLink r={r} />
                  {(r.detail ?? r.rootCause) && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {[r.rootCause, r.detail].filter(Boolean).join(' — ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{figure(r)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </ListBody>
      )}
    </Drawer>
  );
}
