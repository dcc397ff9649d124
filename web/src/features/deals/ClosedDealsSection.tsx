/** Deals closed in the period: win rate overall and per owner, average cycle length, and lost reasons ranked; each chart then its table. */
import { SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PipelineReport } from '@common/schemas/deal-report';
import { DataTable } from '../../components/DataTable';
import { useLocale } from '../../i18n';
import { formatMoney, formatNumber, formatPercent } from '../../lib/format';
import { HorizontalBars, ReportBlock, ReportChart } from './ReportChart';

export function ClosedDealsSection({ report }: { report: PipelineReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rate = (r: number | null) => (r === null ? '—' : formatPercent(r, locale));
  const days = (d: number | null) => (d === null ? '—' : t('salesReport.days', { days: formatNumber(d, locale) }));
  const { winRate, cycle, lostReasons } = report;
  const wonLost = [
    { key: 'won', label: t('salesReport.won'), color: 'teal.7' },
    { key: 'lost', label: t('salesReport.lost'), color: 'red.7' },
  ];
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <ReportBlock title={t('salesReport.winRate')} testId="win-rate">
        <Text size="xl" fw={700} data-testid="win-rate-value">
          {rate(winRate.rate)}
        </Text>
        <Text size="sm" c="dimmed">
          {t('salesReport.winRateOf', { won: winRate.won, closed: winRate.won + winRate.lost })}
        </Text>
        {winRate.owners.length > 0 && (
          <ReportChart caption={t('salesReport.winRateCaption')}>
            <HorizontalBars
              stacked
              data={winRate.owners.map((o) => ({ owner: o.ownerName ?? '—', won: o.won, lost: o.lost }))}
              dataKey="owner"
              series={wonLost.map((s) => ({ name: s.key, label: s.label, color: s.color }))}
            />
          </ReportChart>
        )}
        <DataTable minWidth={420} headers={[t('fields.owner'), t('salesReport.won'), t('salesReport.lost'), t('salesReport.winRate')]}>
          {winRate.owners.map((o) => (
            <Table.Tr key={o.ownerId}>
              <Table.Td>{o.ownerName ?? '—'}</Table.Td>
              <Table.Td ta="right">{o.won}</Table.Td>
              <Table.Td ta="right">{o.lost}</Table.Td>
              <Table.Td ta="right">{rate(o.rate)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={700}>
            <Table.Td>{t('salesReport.total')}</Table.Td>
            <Table.Td ta="right">{winRate.won}</Table.Td>
            <Table.Td ta="right">{winRate.lost}</Table.Td>
            <Table.Td ta="right">{rate(winRate.rate)}</Table.Td>
          </Table.Tr>
        </DataTable>
      </ReportBlock>

      <ReportBlock title={t('salesReport.cycle')} testId="cycle">
        <ReportChart caption={t('salesReport.cycleCaption')}>
          <HorizontalBars
            data={wonLost.map((s) => ({ label: s.label, days: cycle[s.key as 'won' | 'lost'].averageDays ?? 0 }))}
            dataKey="label"
            series={[{ name: 'days', label: t('salesReport.averageDays'), color: 'blue.6' }]}
          />
        </ReportChart>
        <DataTable minWidth={360} headers={['', t('salesReport.deals'), t('salesReport.averageDays')]}>
          {wonLost.map((s) => (
            <Table.Tr key={s.key}>
              <Table.Td>{s.label}</Table.Td>
              <Table.Td ta="right">{cycle[s.key as 'won' | 'lost'].deals}</Table.Td>
              <Table.Td ta="right" data-testid={`cycle-${s.key}`}>
                {days(cycle[s.key as 'won' | 'lost'].averageDays)}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </ReportBlock>

      <ReportBlock title={t('salesReport.lostReasons')} testId="lost-reasons">
        {lostReasons.length === 0 ? (
          <Text c="dimmed">{t('salesReport.noLost')}</Text>
        ) : (
          <>
            <ReportChart caption={t('salesReport.lostReasonsCaption')}>
              <HorizontalBars
                data={lostReasons.map((r) => ({ reason: r.name, deals: r.deals }))}
                dataKey="reason"
                series={[{ name: 'deals', label: t('salesReport.deals'), color: 'red.7' }]}
              />
            </ReportChart>
            <DataTable minWidth={420} headers={[t('salesReport.reason'), t('salesReport.deals'), t('salesReport.amount')]}>
              {lostReasons.map((r) => (
                <Table.Tr key={r.reason ?? ''} data-testid="lost-reason-row">
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td ta="right">{r.deals}</Table.Td>
                  <Table.Td ta="right">{r.amounts.map((a) => formatMoney(a.amountMinor, a.currency, locale)).join(' · ')}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </>
        )}
      </ReportBlock>
    </SimpleGrid>
  );
}
