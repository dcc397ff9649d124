/** The manager's portfolio: all their projects on one screen, in a column per stage. */
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { portfolioAdvice } from '../../components/empty-advice';
import { AdvisedEmptyState } from '../../components/ListStates';
import { useMe } from '../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { portfolioQuery, type PortfolioReport } from './api';
import { ManagerFilter } from './ManagerFilter';
import { PortfolioCard } from './PortfolioCard';

const route = getRouteApi('/app/portfolio');

function StageColumns({ report }: { report: PortfolioReport }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
      {report.stages.map(({ stage, projects }) => (
        <Stack key={stage} gap="sm" component="section" aria-labelledby={`stage-${stage}`} data-testid={`stage-${stage}`}>
          <Title order={2} size="h4" id={`stage-${stage}`}>
            {t(`projectStage.${stage}`)}{' '}
            <Text span c="dimmed">
              ({projects.length})
            </Text>
          </Title>
          {projects.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('portfolio.noneInStage')}
            </Text>
          ) : (
            projects.map((p) => <PortfolioCard key={p.projectId} project={p} today={report.today} />)
          )}
        </Stack>
      ))}
    </SimpleGrid>
  );
}

export function PortfolioPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { managerId } = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(portfolioQuery(managerId));

  return (
    <>
      <PageHeader title={t('portfolio.title')} />
      <ManagerFilter
        value={managerId}
        onChange={(id) => void navigate({ search: { managerId: id }, replace: true })}
        anyLabel={t('portfolio.mine')}
      />
      <RecordGate query={query}>
        {(report) =>
          report.stages.every((s) => s.projects.length === 0) ? (
            <AdvisedEmptyState advice={portfolioAdvice(me.can, Boolean(managerId))} />
          ) : (
            <StageColumns report={report} />
          )
        }
      </RecordGate>
    </>
  );
}
