/** The manager's portfolio: all their projects on one screen, in a column per stage. */
import { Alert, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { PORTFOLIO_MAX_PROJECTS } from '@common/schemas/delivery';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { portfolioAdvice } from '../../components/empty-advice';
import { AdvisedEmptyState } from '../../components/ListStates';
import { useMe } from '../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { portfolioQuery, type PortfolioReport } from './api';
import { PortfolioCard } from './PortfolioCard';
import { ReportScopeBar, scopeFromSearch } from './ReportScopeBar';

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
            projects.map((p) => <PortfolioCard key={p.projectId} project={p} />)
          )}
        </Stack>
      ))}
    </SimpleGrid>
  );
}

export function PortfolioPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = scopeFromSearch(route.useSearch());
  const navigate = route.useNavigate();
  const query = useQuery(portfolioQuery(search));

  return (
    <>
      <PageHeader title={t('portfolio.title')} />
      <ReportScopeBar
        scope={search.scope ?? query.data?.scope}
        ownerId={search.ownerId}
        onChange={(next) => void navigate({ search: next, replace: true })}
      />
      <RecordGate query={query}>
        {(report) =>
          report.stages.every((s) => s.projects.length === 0) ? (
            <AdvisedEmptyState advice={portfolioAdvice(me.can, Boolean(search.ownerId))} />
          ) : (
            <Stack gap="md">
              {report.truncated && (
                <Alert color="orange" data-testid="portfolio-truncated">
                  {t('signals.truncated', { count: PORTFOLIO_MAX_PROJECTS })}
                </Alert>
              )}
              <StageColumns report={report} />
            </Stack>
          )
        }
      </RecordGate>
    </>
  );
}
