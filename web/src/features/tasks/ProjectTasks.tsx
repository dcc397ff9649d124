/** A project's tasks: the manager assigns and moves them; a specialist sees and moves their own. */
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Project } from '@common/schemas/project';
import { EmptyState, ListBody } from '../../components/ListStates';
import { Section } from '../../components/Section';
import { useTasks } from './api';
import { TaskCreateForm } from './TaskCreateForm';
import { TasksTable } from './TasksTable';

export function ProjectTasks({ project }: { project: Project }) {
  const { t } = useTranslation();
  // Open work first, the most pressing status first, each by due date: the server's order, page after page.
  const list = useTasks({ projectId: project.id, sort: 'status' });
  return (
    <Stack gap="md">
      <ListBody
        list={list}
        empty={<EmptyState title={t('task.emptyTitle')} body={t(project.can.addTask ? 'task.emptyBody' : 'task.emptyBodyReadOnly')} />}
      >
        <TasksTable tasks={list.items} showMilestone canChange={(task) => task.can.updateProgress} />
      </ListBody>
      {project.can.addTask && (
        <Section title={t('task.new')}>
          <TaskCreateForm projectId={project.id} accountId={project.accountId} currency={project.currency} />
        </Section>
      )}
    </Stack>
  );
}
