/** Each specialist's open work per week against their capacity, for the next weeks. */
import { Group, NativeSelect, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { workloadAdvice } from '../../components/empty-advice';
import { AdvisedEmptyState } from '../../components/ListStates';
import { useMe } from '../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { UsageBar } from '../../components/UsageBar';
import { useLocale } from '../../i18n';
import { formatCalendarDate } from '../../lib/format';
import { hoursLabel, roleLabel } from '../tasks/labels';
import { workloadQuery, type WorkloadReport } from './api';

const route = getRouteApi('/app/workload');
const WEEK_CHOICES = [4, 8, 12];

function WorkloadTable({ report }: { report: WorkloadReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="sm">
        <Table.Caption>{t('workload.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('workload.specialist')}</Table.Th>
            {report.weekStarts.map((w) => (
              <Table.Th key={w} scope="col">
                {t('workload.weekOf', { date: formatCalendarDate(w, locale) })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.specialists.map((s) => (
            <Table.Tr key={s.userId} data-testid="workload-row">
              <Table.Th scope="row" fw="normal">
                <Text fw={600}>{s.name}</Text>
                <Text size="xs" c="dimmed">
                  {s.specialties.map((r) => roleLabel(t, r)).join(', ')}
                  {s.specialties.length > 0 && ' · '}
                  {t('workload.capacity', { hours: hoursLabel(t, s.capacityHours, locale) })}
                </Text>
              </Table.Th>
              {s.weeks.map((w) => (
                <Table.Td key={w.weekStart}>
                  <UsageBar
                    used={w.hours}
                    limit={s.capacityHours}
                    label={t('workload.load', { hours: hoursLabel(t, w.hours, locale), capacity: hoursLabel(t, s.capacityHours, locale) })}
                    overLabel={t('workload.over')}
                  />
                  <Text size="xs" c="dimmed">
                    {t('workload.tasks', { count: w.tasks })}
                  </Text>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function WorkloadPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const weeks = WEEK_CHOICES.includes(Number(search.weeks)) ? Number(search.weeks) : 4;
  const query = useQuery(workloadQuery(weeks));

  return (
    <>
      <PageHeader title={t('workload.title')} />
      <Group mb="md" role="search">
        <NativeSelect
          label={t('workload.horizon')}
          value={String(weeks)}
          onChange={(e) => void navigate({ search: { weeks: e.currentTarget.value }, replace: true })}
          data={WEEK_CHOICES.map((n) => ({ value: String(n), label: t('workload.weeks', { count: n }) }))}
        />
      </Group>
      <RecordGate query={query}>
        {(report) =>
          report.specialists.length === 0 ? <AdvisedEmptyState advice={workloadAdvice(me.can)} /> : <WorkloadTable report={report} />
        }
      </RecordGate>
    </>
  );
}
