/** One project: its stage, details and team, and tabs for the plan, requirements, brief and tasks. */
import { useState } from 'react';
import { Button, Stack, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Project } from '@common/schemas/project';
import { ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { CreateActDialog } from '../acts/CreateActDialog';
import { useMe } from '../auth/session';
import { EnumBadge } from '../delivery/EnumBadge';
import { RecordDocuments } from '../documents/RecordDocuments';
import { LateBadge } from '../delivery/LateBadge';
import { ProjectTasks } from '../tasks/ProjectTasks';
import { projectQuery } from './api';
import { BriefTab } from './BriefTab';
import { PlanTab } from './PlanTab';
import { ProjectDetails } from './ProjectDetails';
import { RequirementsTab } from './RequirementsTab';
import { StageControl } from './StageControl';
import { TeamSection } from './TeamSection';

const route = getRouteApi('/app/projects/$projectId');
const TABS = ['plan', 'requirements', 'brief', 'tasks', 'team'] as const;
type Tab = (typeof TABS)[number];

function ProjectView({ project }: { project: Project }) {
  const { t } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [creatingAct, setCreatingAct] = useState(false);
  // The brief matters while the project is being briefed; afterwards the plan comes first.
  const tab: Tab = TABS.find((x) => x === search.tab) ?? (project.stage === 'brief' ? 'brief' : 'plan');
  const panels: Record<Tab, React.ReactNode> = {
    plan: <PlanTab project={project} />,
    requirements: <RequirementsTab project={project} />,
    brief: <BriefTab project={project} />,
    tasks: <ProjectTasks project={project} />,
    team: <TeamSection project={project} />,
  };

  return (
    <Stack gap="lg">
      <PageHeader title={project.name}>
        <EnumBadge group="projectStage" value={project.stage} size="lg" />
        {project.late && <LateBadge what="project" size="lg" />}
        {project.can.update && <StageControl project={project} />}
        {project.can.update && (
          <ButtonLink to="/projects/$projectId/edit" params={{ projectId: project.id }} variant="default">
            {t('common.edit')}
          </ButtonLink>
        )}
        {project.can.createAct && (
          <Button variant="default" onClick={() => setCreatingAct(true)}>
            {t('projects.createAct')}
          </Button>
        )}
      </PageHeader>
      <Section title={t('projects.details')}>
        <ProjectDetails project={project} />
      </Section>
      <Tabs value={tab} onChange={(value) => void navigate({ search: { tab: value ?? undefined }, replace: true })} keepMounted={false}>
        <Tabs.List>
          {TABS.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`projects.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((x) => (
          <Tabs.Panel key={x} value={x} pt="md">
            {panels[x]}
          </Tabs.Panel>
        ))}
      </Tabs>
      {me.can.seeDocuments && <RecordDocuments accountId={project.accountId} projectId={project.id} />}
      {project.can.createAct && <CreateActDialog project={project} opened={creatingAct} onClose={() => setCreatingAct(false)} />}
    </Stack>
  );
}

export function ProjectPage() {
  const { projectId } = route.useParams();
  const query = useQuery(projectQuery(projectId));
  return <RecordGate query={query}>{(project) => <ProjectView project={project} />}</RecordGate>;
}
