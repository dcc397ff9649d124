/** One project of the client's company: its milestones, the plan to approve, requirements to decide, the brief and status reports. */
import { Badge, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import classes from './PortalShell.module.css';
import type { DocumentSummary } from '@common/schemas/document';
import type { Project } from '@common/schemas/project';
import { useCursorList } from '../../api/use-cursor-list';
import { AnchorLink } from '../../components/links';
import { ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatCalendarDate } from '../../lib/format';
import '../delivery/catalogue';
import '../documents/catalogue';
import { projectQuery } from '../projects/api';
import { PortalBrief } from './PortalBrief';
import { PortalMilestones } from './PortalMilestones';
import { PortalPlan } from './PortalPlan';
import { PortalRequirements } from './PortalRequirements';
import { PortalShell } from './PortalShell';

const route = getRouteApi('/portal/projects/$projectId');

function StatusReports({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useCursorList<DocumentSummary>(['documents', 'list'], '/documents', { projectId, kind: 'status_report', limit: 20 });
  return (
    <ListBody list={list} empty={<Text c="dimmed">{t('portal.project.noReports')}</Text>}>
      <Stack gap="xs" component="ul" className={classes.plainList}>
        {list.items.map((d) => (
          <li key={d.id} data-testid="portal-report">
            <AnchorLink to="/portal/documents/$documentId" params={{ documentId: d.id }}>
              {d.title}
            </AnchorLink>
            {d.issueDate && (
              <Text size="sm" c="dimmed" span ml="xs">
                {formatCalendarDate(d.issueDate, locale)}
              </Text>
            )}
          </li>
        ))}
      </Stack>
    </ListBody>
  );
}

/** A section the start page can link to by its id (#plan, #requirements, #brief). */
function Anchored({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <div id={id} style={{ scrollMarginTop: 110 }}>
      <Section title={title}>{children}</Section>
    </div>
  );
}

function ProjectBody({ project }: { project: Project }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <AnchorLink to="/portal/projects" size="sm">
        {t('portal.project.back')}
      </AnchorLink>
      <PageHeader title={project.name}>
        <Badge size="lg" variant="light">
          {t(`projectStage.${project.stage}`)}
        </Badge>
      </PageHeader>
      <Anchored id="milestones" title={t('portal.project.milestones')}>
        <PortalMilestones projectId={project.id} />
      </Anchored>
      <Anchored id="plan" title={t('portal.project.plan')}>
        <PortalPlan project={project} />
      </Anchored>
      <Anchored id="requirements" title={t('portal.project.requirements')}>
        <PortalRequirements projectId={project.id} />
      </Anchored>
      <Anchored id="brief" title={t('portal.project.brief')}>
        <PortalBrief project={project} />
      </Anchored>
      <Anchored id="reports" title={t('portal.project.reports')}>
        <StatusReports projectId={project.id} />
      </Anchored>
    </Stack>
  );
}

export function PortalProjectPage() {
  const { projectId } = route.useParams();
  const query = useQuery(projectQuery(projectId));
  return (
    <PortalShell>
      <RecordGate query={query}>{(project) => <ProjectBody project={project} />}</RecordGate>
    </PortalShell>
  );
}
