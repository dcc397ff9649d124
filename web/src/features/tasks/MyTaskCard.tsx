/** One of the specialist's own tasks: where it belongs, when it is due, its status, time and discussion. */
import { useState } from 'react';
import { Button, Collapse, Divider, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Task } from '@common/schemas/task';
import { Details } from '../../components/Details';
import { useLocale } from '../../i18n';
import { formatCalendarDate } from '../../lib/format';
import { EnumBadge } from '../delivery/EnumBadge';
import { LateBadge } from '../delivery/LateBadge';
import { ProjectLink } from '../projects/ProjectLink';
import { hoursLabel, roleLabel } from './labels';
import { LogTimeForm } from './LogTimeForm';
import { TaskComments } from './TaskComments';
import { TaskStatusControl } from './TaskStatusControl';

export function MyTaskCard({ task }: { task: Task }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [discussing, setDiscussing] = useState(false);
  const commentsId = `comments-${task.id}`;

  return (
    <Paper withBorder p="md" radius="md" component="article" aria-label={task.title} data-testid="my-task">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Title order={2} size="h4">
              {task.title}
            </Title>
            <ProjectLink {...task} />
          </div>
          <Group gap="xs">
            {task.late && <LateBadge what="task" />}
            {task.can.updateProgress ? <TaskStatusControl task={task} /> : <EnumBadge group="taskStatus" value={task.status} />}
          </Group>
        </Group>
        {task.status === 'blocked' && task.blockedReason && (
          <Text size="sm">{t('task.blockedBecause', { reason: task.blockedReason })}</Text>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Details
            items={[
              [t('task.dueDate'), task.dueDate ? formatCalendarDate(task.dueDate, locale) : null],
              [t('task.role'), roleLabel(t, task.role)],
              [t('task.estimateShort'), hoursLabel(t, task.estimateHours, locale)],
              [t('task.spent'), hoursLabel(t, task.spentHours, locale)],
            ]}
          />
          {task.can.updateProgress && <LogTimeForm task={task} />}
        </SimpleGrid>
        <Divider />
        <Button
          variant="subtle"
          w="fit-content"
          onClick={() => setDiscussing((d) => !d)}
          aria-expanded={discussing}
          aria-controls={commentsId}
        >
          {discussing ? t('comments.hide') : t('comments.show')}
        </Button>
        <Collapse expanded={discussing} id={commentsId}>
          {discussing && <TaskComments taskId={task.id} />}
        </Collapse>
      </Stack>
    </Paper>
  );
}
