/** The requirements of both parties, with their states and change requests; the manager adds and decides. */
import { Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Project } from '@common/schemas/project';
import { EmptyState } from '../../components/ListStates';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { requirementsQuery } from './plan-api';
import { RemindClientButton } from './ClientWaiting';
import { RequirementCard } from './RequirementCard';
import { RequirementForm } from './RequirementForm';

export function RequirementsTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const query = useQuery(requirementsQuery(project.id));
  return (
    <RecordGate query={query}>
      {(requirements) => (
        <Stack gap="md">
          {requirements.length === 0 && (
            <EmptyState
              title={t('requirements.emptyTitle')}
              body={t(project.can.addRequirement ? 'requirements.emptyBody' : 'requirements.emptyBodyReadOnly')}
            />
          )}
          {project.can.remindClient && requirements.some((r) => r.status === 'proposed' || r.status === 'changed') && (
            <Group justify="flex-end">
              <RemindClientButton projectId={project.id} accountId={project.accountId} />
            </Group>
          )}
          {requirements.map((r) => (
            <RequirementCard key={r.id} requirement={r} onReload={query.refetch} />
          ))}
          {project.can.addRequirement && (
            <Section title={t('requirements.add')}>
              <RequirementForm projectId={project.id} />
            </Section>
          )}
        </Stack>
      )}
    </RecordGate>
  );
}
