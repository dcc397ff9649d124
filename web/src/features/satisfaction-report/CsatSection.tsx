/** CSAT by project, by kind of work and by specialist: average, answers and low ones, lowest first. */
import { SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SatisfactionDrill, SatisfactionReport } from '@common/schemas/satisfaction-report';
import { DataTable } from '../../components/DataTable';
import { useLocale } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { ReportBlock, ReportChart } from '../deals/ReportChart';
import { DrillBars, DrillButton } from './drill';

interface Row {
  key: string;
  name: string;
  extra?: string;
  average: number | null;
  responses: number;
  low: number;
  drill: SatisfactionDrill;
}

function CsatBlock({ title, testId, rows, caption }: { title: string; testId: string; rows: Row[]; caption: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const average = (a: number | null) => (a === null ? '—' : formatNumber(a, locale));
  const drillTitle = (r: Row) => t('satisfaction.csatOf', { name: r.name });
  return (
    <ReportBlock title={title} testId={testId}>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('satisfaction.noCsat')}</Text>
      ) : (
        <>
          <ReportChart caption={caption}>
            <DrillBars
              items={rows}
              label={(r) => r.name}
              series={[{ name: 'average', label: t('satisfaction.average'), color: 'blue.7', value: (r) => r.average ?? 0 }]}
              drill={(r) => ({ drill: r.drill, title: drillTitle(r) })}
            />
          </ReportChart>
          <DataTable minWidth={420} headers={['', t('satisfaction.average'), t('satisfaction.answers'), t('satisfaction.lowAnswers')]}>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>
                  {r.name}
                  {r.extra && (
                    <Text span size="xs" c="dimmed">
                      {' · '}
                      {r.extra}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{average(r.average)}</Table.Td>
                <Table.Td ta="right">
                  <DrillButton drill={r.drill} title={drillTitle(r)}>
                    {r.responses}
                  </DrillButton>
                </Table.Td>
                <Table.Td ta="right">{r.low}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </>
      )}
    </ReportBlock>
  );
}

export function CsatSection({ csat }: { csat: SatisfactionReport['csat'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <Text mb="sm" data-testid="csat-total">
        {csat.total.average === null
          ? t('satisfaction.noCsat')
          : t('satisfaction.csatTotal', { average: formatNumber(csat.total.average, locale), count: csat.total.responses })}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
        <CsatBlock
          title={t('satisfaction.byProject')}
          testId="csat-projects"
          caption={t('satisfaction.csatCaption')}
          rows={csat.byProject.map((p) => ({ key: p.projectId, extra: p.accountName, ...p }))}
        />
        <CsatBlock
          title={t('satisfaction.byWorkKind')}
          testId="csat-kinds"
          caption={t('satisfaction.csatCaption')}
          rows={csat.byWorkKind.map((k) => ({ key: k.workKind, name: t(`workKind.${k.workKind}`), ...k }))}
        />
        <CsatBlock
          title={t('satisfaction.bySpecialist')}
          testId="csat-specialists"
          caption={t('satisfaction.csatSpecialistCaption')}
          rows={csat.bySpecialist.map((s) => ({ key: s.userId, ...s }))}
        />
      </SimpleGrid>
    </>
  );
}
