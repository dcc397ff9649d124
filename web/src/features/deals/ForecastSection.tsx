/** The weighted forecast of one currency: stages stacked by expected close month (overdue first), then the same as a table. */
import { Table } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { DEAL_OPEN_STAGES, type DealOpenStage } from '@common/enums';
import type { ForecastCurrency } from '@common/schemas/deal-report';
import { DataTable } from '../../components/DataTable';
import { useLocale } from '../../i18n';
import { formatMoney, formatMonth, formatNumber } from '../../lib/format';
import { useDealNames } from './api';
import { ReportBlock, ReportChart } from './ReportChart';

// Colder to warmer as a deal gets closer to signing; shades with contrast on light and dark.
const STAGE_COLORS: Record<DealOpenStage, string> = {
  qualified: 'gray.6',
  meeting: 'blue.6',
  proposal: 'violet.6',
  negotiation: 'teal.7',
};

export function ForecastSection({ forecast }: { forecast: ForecastCurrency }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useDealNames();
  const money = (minor: number) => formatMoney(minor, forecast.currency, locale);
  const rows = [
    ...(forecast.overdue.deals > 0 ? [{ key: 'overdue', label: t('salesReport.overdue'), ...forecast.overdue }] : []),
    ...forecast.months.map((m) => ({ key: m.month, label: formatMonth(m.month, locale), ...m })),
  ];
  const data = rows.map((r) => ({
    label: r.label,
    ...Object.fromEntries(r.stages.map((s) => [s.stage, s.weightedMinor])),
  }));
  return (
    <ReportBlock title={t('salesReport.forecastIn', { currency: forecast.currency })} testId={`forecast-${forecast.currency}`}>
      <ReportChart caption={t('salesReport.forecastCaption', { currency: forecast.currency })}>
        <BarChart
          h={260}
          data={data}
          dataKey="label"
          type="stacked"
          withLegend
          accessibilityLayer={false}
          valueFormatter={money}
          series={DEAL_OPEN_STAGES.map((s) => ({ name: s, label: names.stage(s), color: STAGE_COLORS[s] }))}
        />
      </ReportChart>
      <DataTable headers={[t('salesReport.month'), t('salesReport.deals'), t('salesReport.amount'), t('salesReport.weighted')]}>
        {rows.map((r) => (
          <Table.Tr key={r.key} data-testid="forecast-row">
            <Table.Td>{r.label}</Table.Td>
            <Table.Td ta="right">{formatNumber(r.deals, locale)}</Table.Td>
            <Table.Td ta="right">{money(r.amountMinor)}</Table.Td>
            <Table.Td ta="right">{money(r.weightedMinor)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr fw={700}>
          <Table.Td>{t('salesReport.total')}</Table.Td>
          <Table.Td ta="right">{formatNumber(forecast.total.deals, locale)}</Table.Td>
          <Table.Td ta="right">{money(forecast.total.amountMinor)}</Table.Td>
          <Table.Td ta="right" data-testid="forecast-total-weighted">
            {money(forecast.total.weightedMinor)}
          </Table.Td>
        </Table.Tr>
      </DataTable>
    </ReportBlock>
  );
}
