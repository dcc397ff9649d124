/** The work plan: its approval state, its milestones and, for the manager, a form to add more. */
import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Project } from '@common/schemas/project';
import { EmptyState } from '../../components/ListStates';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { MilestoneForm } from './MilestoneForm';
import { MilestonesTable } from './MilestonesTable';
import { PlanApproval } from './PlanApproval';
import { milestonesQuery } from './plan-api';

export function PlanTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const query = useQuery(milestonesQuery(project.id));
  // Milestones have prices where the project's acts charge them.
  const priceCurrency = project.actBasis === 'milestones' ? project.currency : undefined;
  return (
    <RecordGate query={query}>
      {(milestones) => (
        <Stack gap="md">
          <PlanApproval project={project} hasMilestones={milestones.length > 0} />
          {milestones.length === 0 ? (
            <EmptyState title={t('plan.emptyTitle')} body={t(project.can.addMilestone ? 'plan.emptyBody' : 'plan.emptyBodyReadOnly')} />
          ) : (
            <MilestonesTable projectId={project.id} milestones={milestones} onReload={query.refetch} priceCurrency={priceCurrency} />
          )}
          {project.can.addMilestone && (
            <Section title={t('plan.addMilestone')}>
              <MilestoneForm projectId={project.id} priceCurrency={priceCurrency} />
            </Section>
          )}
        </Stack>
      )}
    </RecordGate>
  );
}
