/** One task on a page of its own: details, discussion, time and history, with the changes `task.can` allows. */
import { useState } from 'react';
import { Alert, Button, Grid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '@common/schemas/task';
import { ActionDialog } from '../../components/ActionDialog';
import { ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { notify } from '../../lib/notify';
import { EnumBadge } from '../delivery/EnumBadge';
import { LateBadge } from '../delivery/LateBadge';
import { taskQuery, useDeleteTask, useTaskHistory } from './api';
import { LogTimeForm } from './LogTimeForm';
import { TaskComments } from './TaskComments';
import { TaskDetails } from './TaskDetails';
import { TaskHistory, TimeLog } from './TaskHistory';
import { TaskStatusControl } from './TaskStatusControl';

const route = getRouteApi('/app/tasks/$taskId');

function DeleteTask({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteTask();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Button variant="outline" color="red" onClick={() => setConfirming(true)}>
        {t('taskPage.delete')}
      </Button>
      <ActionDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('taskPage.deleteTitle', { title: task.title })}
        body={t('taskPage.deleteBody')}
        confirmLabel={t('taskPage.delete')}
        confirmColor="red.9"
        onConfirm={async () => {
          await remove.mutateAsync(task);
          notify({ color: 'green', message: t('taskPage.deleted', { title: task.title }) });
          await navigate({ to: '/projects/$projectId', params: { projectId: task.projectId }, search: { tab: 'tasks' } });
        }}
      />
    </>
  );
}

function TaskView({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const history = useTaskHistory(task.id);

  return (
    <Stack gap="lg">
      <PageHeader title={task.title}>
        {task.late && <LateBadge what="task" size="lg" />}
        {task.can.updateProgress ? (
          <TaskStatusControl task={task} size="sm" />
        ) : (
          <EnumBadge group="taskStatus" value={task.status} size="lg" />
        )}
        {task.can.update && (
          <ButtonLink to="/tasks/$taskId/edit" params={{ taskId: task.id }} variant="default">
            {t('common.edit')}
          </ButtonLink>
        )}
        {task.can.delete && <DeleteTask task={task} />}
      </PageHeader>
      {task.status === 'blocked' && task.blockedReason && (
        <Alert color="red" title={t('taskStatus.blocked')} data-testid="blocked-reason">
          {task.blockedReason}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Section title={t('taskPage.details')}>
              <TaskDetails task={task} />
            </Section>
            <Section title={t('comments.title')}>
              <TaskComments taskId={task.id} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <Section title={t('taskPage.timeLog')}>
              <Stack gap="md">
                {task.can.updateProgress && <LogTimeForm task={task} />}
                <TimeLog history={history} />
              </Stack>
            </Section>
            <Section title={t('taskPage.history')}>
              <TaskHistory task={task} history={history} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function TaskPage() {
  const { taskId } = route.useParams();
  const query = useQuery(taskQuery(taskId));
  return <RecordGate query={query}>{(task) => <TaskView task={task} />}</RecordGate>;
}
