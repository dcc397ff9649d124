/** The sales report: the weighted forecast per currency, win rate, cycle length and lost reasons, for a period and an owner kept in the URL. */
import { Group, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PipelineReport } from '@common/schemas/deal-report';
import { EmptyState } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { ManagerFilter } from '../delivery/ManagerFilter';
import { ClosedDealsSection } from './ClosedDealsSection';
import { ForecastSection } from './ForecastSection';
import { pipelineReportQuery } from './report-api';

const route = getRouteApi('/app/sales-report');

const isEmpty = (r: PipelineReport) => r.forecast.length === 0 && r.winRate.won + r.winRate.lost === 0;

export function SalesReportPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const report = useQuery(pipelineReportQuery({ from: search.from, to: search.to, owner: search.owner }));
  const set = (changes: Record<string, string | undefined>) =>
    void navigate({ search: (prev) => ({ ...prev, ...changes }), replace: true });

  return (
    <Stack gap="md">
      <PageHeader title={t('salesReport.title')} />
      <Group align="end" gap="md" role="search">
        <TextInput
          type="month"
          label={t('salesReport.from')}
          value={search.from ?? ''}
          onChange={(e) => set({ from: e.currentTarget.value || undefined })}
        />
        <TextInput
          type="month"
          label={t('salesReport.to')}
          value={search.to ?? ''}
          onChange={(e) => set({ to: e.currentTarget.value || undefined })}
        />
        <ManagerFilter value={search.owner} onChange={(owner) => set({ owner })} anyLabel={t('salesReport.allOwners')} />
      </Group>
      <RecordGate query={report}>
        {(r) =>
          isEmpty(r) ? (
            <EmptyState title={t('salesReport.emptyTitle')} body={t('salesReport.emptyBody')} />
          ) : (
            <>
              <Section title={t('salesReport.forecast')}>
                <Stack gap="lg">
                  {r.forecast.map((f) => (
                    <ForecastSection key={f.currency} forecast={f} />
                  ))}
                </Stack>
              </Section>
              <Section title={t('salesReport.closed')}>
                <ClosedDealsSection report={r} />
              </Section>
            </>
          )
        }
      </RecordGate>
    </Stack>
  );
}
