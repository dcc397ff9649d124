/** The NPS trend: each month's promoters, passives and detractors, its responses and its score. */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SatisfactionReport } from '@common/schemas/satisfaction-report';
import { DataTable } from '../../components/DataTable';
import { useLocale } from '../../i18n';
import { formatMonth } from '../../lib/format';
import { ReportBlock, ReportChart } from '../deals/ReportChart';
import { DrillBars, DrillButton } from './drill';

const score = (nps: number | null) => (nps === null ? '—' : nps > 0 ? `+${nps}` : String(nps));

export function NpsSection({ nps }: { nps: SatisfactionReport['nps'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = (month: string) => t('satisfaction.npsOf', { month: formatMonth(month, locale) });
  const bands = { promoters: 'promoter', passives: 'passive', detractors: 'detractor' } as const;
  return (
    <ReportBlock title={t('satisfaction.nps')} testId="nps">
      <Text size="xl" fw={700} data-testid="nps-total">
        {score(nps.total.nps)}
      </Text>
      <Text size="sm" c="dimmed">
        {t('satisfaction.npsResponses', { count: nps.total.responses })}
      </Text>
      <ReportChart caption={t('satisfaction.npsCaption')} testId="nps-chart">
        <DrillBars
          columns
          stacked
          items={nps.months}
          label={(m) => formatMonth(m.month, locale)}
          series={[
            { name: 'promoters', label: t('satisfaction.promoters'), color: 'teal.7', value: (m) => m.promoters },
            { name: 'passives', label: t('satisfaction.passives'), color: 'gray.6', value: (m) => m.passives },
            { name: 'detractors', label: t('satisfaction.detractors'), color: 'red.7', value: (m) => m.detractors },
          ]}
          drill={(m, series) => ({
            drill: { ...m.drill, band: bands[series as keyof typeof bands] },
            title: `${title(m.month)}: ${t(`satisfaction.${series}`)}`,
          })}
        />
      </ReportChart>
      <DataTable
        minWidth={520}
        headers={[
          t('satisfaction.month'),
          t('satisfaction.promoters'),
          t('satisfaction.passives'),
          t('satisfaction.detractors'),
          t('satisfaction.responses'),
          'NPS',
        ]}
      >
        {nps.months.map((m) => (
          <Table.Tr key={m.month} data-testid="nps-row">
            <Table.Td>{formatMonth(m.month, locale)}</Table.Td>
            <Table.Td ta="right">{m.promoters}</Table.Td>
            <Table.Td ta="right">{m.passives}</Table.Td>
            <Table.Td ta="right">{m.detractors}</Table.Td>
            <Table.Td ta="right">
              {m.responses === 0 ? (
                0
              ) : (
                <DrillButton drill={m.drill} title={title(m.month)}>
                  {m.responses}
                </DrillButton>
              )}
            </Table.Td>
            <Table.Td ta="right" data-testid="nps-score">
              {score(m.nps)}
            </Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr fw={700}>
          <Table.Td>{t('satisfaction.total')}</Table.Td>
          <Table.Td ta="right">{nps.total.promoters}</Table.Td>
          <Table.Td ta="right">{nps.total.passives}</Table.Td>
          <Table.Td ta="right">{nps.total.detractors}</Table.Td>
          <Table.Td ta="right">{nps.total.responses}</Table.Td>
          <Table.Td ta="right">{score(nps.total.nps)}</Table.Td>
        </Table.Tr>
      </DataTable>
    </ReportBlock>
  );
}
