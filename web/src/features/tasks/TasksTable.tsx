/** A table of tasks; which columns show and whether the status can be changed depend on the page. */
import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Task } from '@common/schemas/task';
import { useLocale } from '../../i18n';
import { formatCalendarDate } from '../../lib/format';
import { EnumBadge } from '../delivery/EnumBadge';
import { LateBadge } from '../delivery/LateBadge';
import { ProjectLink } from '../projects/ProjectLink';
import { hoursLabel, roleLabel } from './labels';
import { TaskLink } from './TaskLink';
import { TaskStatusControl } from './TaskStatusControl';

interface Props {
  tasks: Task[];
  showProject?: boolean;
  showAssignee?: boolean;
  showMilestone?: boolean;
  /** Whether the user may move this task; otherwise its status is shown as a badge. */
  canChange?: (task: Task) => boolean;
}

export function TasksTable({ tasks, showProject, showAssignee = true, showMilestone, canChange }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('task.title')}</Table.Th>
            {showProject && <Table.Th>{t('task.project')}</Table.Th>}
            {showAssignee && <Table.Th>{t('task.assignee')}</Table.Th>}
            <Table.Th>{t('task.role')}</Table.Th>
            {showMilestone && <Table.Th>{t('task.milestone')}</Table.Th>}
            <Table.Th>{t('task.dueDate')}</Table.Th>
            <Table.Th>{t('task.spentOfEstimate')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id} data-testid="task-row">
              <Table.Td>
                <TaskLink task={task} />
              </Table.Td>
              {showProject && (
                <Table.Td>
                  <ProjectLink {...task} tab="tasks" />
                </Table.Td>
              )}
              {showAssignee && <Table.Td>{task.assigneeName ?? t('task.unassigned')}</Table.Td>}
              <Table.Td>{roleLabel(t, task.role)}</Table.Td>
              {showMilestone && <Table.Td>{task.milestoneTitle ?? '—'}</Table.Td>}
              <Table.Td>
                {task.dueDate ? formatCalendarDate(task.dueDate, locale) : '—'}
                {task.late && <LateBadge what="task" ml="xs" size="sm" />}
              </Table.Td>
              <Table.Td>
                {hoursLabel(t, task.spentHours, locale)} / {hoursLabel(t, task.estimateHours, locale)}
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  {canChange?.(task) ? <TaskStatusControl task={task} /> : <EnumBadge group="taskStatus" value={task.status} />}
                  {task.status === 'blocked' && task.blockedReason && (
                    <Text size="xs" c="dimmed">
                      {t('task.blockedBecause', { reason: task.blockedReason })}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
