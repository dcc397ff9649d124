/** The client company's projects: each with its stage, the next milestone and how many are late. */
import { Badge, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Project } from '@common/schemas/project';
import { useCursorList } from '../../api/use-cursor-list';
import { AnchorLink } from '../../components/links';
import { EmptyState, ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n';
import { formatCalendarDate } from '../../lib/format';
import { milestonesQuery } from '../projects/plan-api';
import { milestoneProgress } from './milestone-progress';
import classes from './PortalShell.module.css';
import { PortalShell } from './PortalShell';

function MilestoneLine({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useQuery(milestonesQuery(projectId));
  if (query.isPending) return <Skeleton h={16} w="60%" />;
  if (query.isError) return null; // the project's own link still leads to its page, which says what failed
  const { next, late } = milestoneProgress(query.data);
  return (
    <Stack gap={2}>
      <Text size="sm">
        {next
          ? t('portal.projects.next', { title: next.title, date: formatCalendarDate(next.dueDate, locale) })
          : t('portal.projects.noNext')}
      </Text>
      {late.length > 0 && (
        <Text size="sm" className={classes.late} fw={600}>
          {t('portal.projects.lateCount', { count: late.length })}
        </Text>
      )}
    </Stack>
  );
}

function ProjectCard({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card withBorder padding="sm" data-testid="portal-project">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <AnchorLink to="/portal/projects/$projectId" params={{ projectId: p.id }} fw={600}>
          {p.name}
        </AnchorLink>
        <Badge variant="light" aria-label={`${t('portal.projects.stage')}: ${t(`projectStage.${p.stage}`)}`}>
          {t(`projectStage.${p.stage}`)}
        </Badge>
      </Group>
      {p.dueDate && (
        <Text size="sm" c="dimmed">
          {t('portal.projects.due', { date: formatCalendarDate(p.dueDate, locale) })}
        </Text>
      )}
      <MilestoneLine projectId={p.id} />
    </Card>
  );
}

export function PortalProjectsPage() {
  const { t } = useTranslation();
  const list = useCursorList<Project>(['projects', 'list'], '/projects', { limit: 50 });
  return (
    <PortalShell>
      <PageHeader title={t('portal.projects.title')} />
      <ListBody list={list} empty={<EmptyState title={t('portal.projects.emptyTitle')} body={t('portal.projects.empty')} />}>
        <Stack gap="sm">
          {list.items.map((p) => (
            <ProjectCard key={p.id} project={p} />
          ))}
        </Stack>
      </ListBody>
    </PortalShell>
  );
}
