/** Claims: Pareto by category and by root cause, and the response and resolution deadlines kept. */
import { SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SatisfactionReport } from '@common/schemas/satisfaction-report';
import { DataTable } from '../../components/DataTable';
import { useLocale } from '../../i18n';
import { formatNumber, formatPercent } from '../../lib/format';
import { ReportBlock, ReportChart } from '../deals/ReportChart';
import { DrillBars, DrillButton } from './drill';

type Pareto = SatisfactionReport['claims']['byCategory'];

/** A cumulative percent (0–100) to one decimal, as the reader's language writes percents. */
const cumulative = (percent: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);

function ParetoBlock({ title, testId, items, empty }: { title: string; testId: string; items: Pareto; empty: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const drillTitle = (name: string) => t('satisfaction.claimsOf', { name });
  return (
    <ReportBlock title={title} testId={testId}>
      {items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <>
          <ReportChart caption={t('satisfaction.paretoCaption')}>
            <DrillBars
              items={items}
              label={(i) => i.name}
              series={[{ name: 'claims', label: t('satisfaction.claims'), color: 'red.7', value: (i) => i.claims }]}
              drill={(i) => ({ drill: i.drill, title: drillTitle(i.name) })}
            />
          </ReportChart>
          <DataTable minWidth={380} headers={['', t('satisfaction.claims'), t('satisfaction.cumulative')]}>
            {items.map((i) => (
              <Table.Tr key={i.key} data-testid={`${testId}-row`}>
                <Table.Td>{i.name}</Table.Td>
                <Table.Td ta="right">
                  <DrillButton drill={i.drill} title={drillTitle(i.name)} testId={`${testId}-drill`}>
                    {i.claims}
                  </DrillButton>
                </Table.Td>
                <Table.Td ta="right">{cumulative(i.cumulativePercent, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </>
      )}
    </ReportBlock>
  );
}

function DeadlinesBlock({ claims }: { claims: SatisfactionReport['claims'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = [
    { key: 'respond' as const, label: t('satisfaction.respond'), d: claims.respond },
    { key: 'resolve' as const, label: t('satisfaction.resolve'), d: claims.resolve },
  ];
  const hours = (h: number | null) => (h === null ? '—' : t('satisfaction.hours', { hours: formatNumber(h, locale) }));
  const drillTitle = (label: string) => t('satisfaction.breachesOf', { deadline: label });
  const metTitle = (label: string) => t('satisfaction.metOf', { deadline: label });
  return (
    <ReportBlock title={t('satisfaction.deadlines')} testId="claim-deadlines">
      <ReportChart caption={t('satisfaction.deadlinesCaption')}>
        <DrillBars
          stacked
          items={rows}
          label={(r) => r.label}
          series={[
            { name: 'met', label: t('satisfaction.met'), color: 'teal.7', value: (r) => r.d.met },
            { name: 'breaches', label: t('satisfaction.breaches'), color: 'red.7', value: (r) => r.d.breaches },
          ]}
          drill={(r, series) =>
            series === 'met'
              ? { drill: { kind: 'claims', met: r.key }, title: metTitle(r.label) }
              : { drill: r.d.drill, title: drillTitle(r.label) }
          }
        />
      </ReportChart>
      <DataTable
        minWidth={640}
        headers={[
          '',
          t('satisfaction.met'),
          t('satisfaction.late'),
          t('satisfaction.open'),
          t('satisfaction.breaches'),
          t('satisfaction.withinDeadline'),
          t('satisfaction.medianHours'),
          t('satisfaction.averageHours'),
        ]}
      >
        {rows.map(({ key, label, d }) => (
          <Table.Tr key={key} data-testid={`deadline-${key}`}>
            <Table.Td>{label}</Table.Td>
            <Table.Td ta="right">
              {d.met === 0 ? (
                0
              ) : (
                <DrillButton drill={{ kind: 'claims', met: key }} title={metTitle(label)}>
                  {d.met}
                </DrillButton>
              )}
            </Table.Td>
            <Table.Td ta="right">{d.late}</Table.Td>
            <Table.Td ta="right">{d.open}</Table.Td>
            <Table.Td ta="right">
              {d.breaches === 0 ? (
                0
              ) : (
                <DrillButton drill={d.drill} title={drillTitle(label)}>
                  {d.breaches}
                </DrillButton>
              )}
            </Table.Td>
            <Table.Td ta="right">{d.withinShare === null ? '—' : formatPercent(d.withinShare, locale)}</Table.Td>
            <Table.Td ta="right">{hours(d.medianHours)}</Table.Td>
            <Table.Td ta="right">{hours(d.averageHours)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </ReportBlock>
  );
}

export function ClaimsSection({ claims }: { claims: SatisfactionReport['claims'] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <ParetoBlock
        title={t('satisfaction.byCategory')}
        testId="pareto-category"
        items={claims.byCategory}
        empty={t('satisfaction.noClaims')}
      />
      <ParetoBlock
        title={t('satisfaction.byRootCause')}
        testId="pareto-cause"
        items={claims.byRootCause}
        empty={t('satisfaction.noRootCauses')}
      />
      <DeadlinesBlock claims={claims} />
    </SimpleGrid>
  );
}
