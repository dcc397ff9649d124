/** Monitoring: what is late, what is blocked and which milestones are at risk, across the manager's projects. */
import type { ReactNode } from 'react';
import { Stack, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatCalendarDate } from '../../lib/format';
import { ProjectLink } from '../projects/ProjectLink';
import { hoursLabel } from '../tasks/labels';
import { TasksTable } from '../tasks/TasksTable';
import { deliveryReportQuery, type DeliveryReport } from './api';
import { LateBadge } from './LateBadge';
import { ReportScopeBar, scopeFromSearch } from './ReportScopeBar';

const route = getRouteApi('/app/delivery');

function MilestonesAtRisk({ milestones }: { milestones: DeliveryReport['milestonesAtRisk'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plan.milestoneTitle')}</Table.Th>
            <Table.Th>{t('task.project')}</Table.Th>
            <Table.Th>{t('plan.milestoneDue')}</Table.Th>
            <Table.Th>{t('delivery.remaining')}</Table.Th>
            <Table.Th>{t('delivery.hoursLeft')}</Table.Th>
            <Table.Th>{t('delivery.openTasks')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {milestones.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{m.title}</Table.Td>
              <Table.Td>
                <ProjectLink {...m} />
              </Table.Td>
              <Table.Td>
                {formatCalendarDate(m.dueDate, locale)}
                {m.late && <LateBadge what="milestone" ml="xs" size="sm" />}
              </Table.Td>
              <Table.Td>{hoursLabel(t, m.remainingHours, locale)}</Table.Td>
              <Table.Td>{hoursLabel(t, m.hoursLeft, locale)}</Table.Td>
              <Table.Td>{m.openTasks}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One part of the report: its rows, or a note that nothing is wrong there and what would show up. */
function ReportSection({ title, count, empty, children }: { title: string; count: number; empty: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Section title={title}>
      {count > 0 ? children : <EmptyState title={t(`delivery.${empty}Title`)} body={t(`delivery.${empty}Body`)} />}
    </Section>
  );
}

export function DeliveryPage() {
  const { t } = useTranslation();
  const search = scopeFromSearch(route.useSearch());
  const navigate = route.useNavigate();
  const query = useQuery(deliveryReportQuery(search));

  return (
    <>
      <PageHeader title={t('delivery.title')} />
      <ReportScopeBar
        scope={search.scope ?? query.data?.scope}
        ownerId={search.ownerId}
        onChange={(next) => void navigate({ search: next, replace: true })}
      />
      <RecordGate query={query}>
        {(report) => (
          <Stack gap="lg">
            <ReportSection title={t('delivery.late', { count: report.lateTasks.length })} empty="noLate" count={report.lateTasks.length}>
              <TasksTable tasks={report.lateTasks} showProject />
            </ReportSection>
            <ReportSection
              title={t('delivery.blocked', { count: report.blockedTasks.length })}
              empty="noBlocked"
              count={report.blockedTasks.length}
            >
              <TasksTable tasks={report.blockedTasks} showProject />
            </ReportSection>
            <ReportSection
              title={t('delivery.atRisk', { count: report.milestonesAtRisk.length })}
              empty="noRisk"
              count={report.milestonesAtRisk.length}
            >
              <MilestonesAtRisk milestones={report.milestonesAtRisk} />
            </ReportSection>
          </Stack>
        )}
      </RecordGate>
    </>
  );
}
