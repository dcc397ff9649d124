/** The specialist's tasks as one compact table, in groups by when they are due (late first), each by due date. */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Task } from '@common/schemas/task';
import { AnchorLink } from '../../components/links';
import { useLocale } from '../../i18n';
import { formatCalendarDate } from '../../lib/format';
import { EnumBadge } from '../delivery/EnumBadge';
import { hoursLabel } from './labels';
import { TaskLink } from './TaskLink';
import { TaskStatusControl } from './TaskStatusControl';
import { groupWork, type WorkCalendar, type WorkGroup } from './work-groups';

const COLUMNS = 5;

function WorkRow({ task }: { task: Task }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table.Tr data-testid="my-task">
      <Table.Td>
        <TaskLink task={task} fw={500} />
        {task.status === 'blocked' && task.blockedReason && (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {t('task.blockedBecause', { reason: task.blockedReason })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" truncate="end" title={`${task.projectName} · ${task.accountName}`}>
          <AnchorLink to="/projects/$projectId" params={{ projectId: task.projectId }} size="sm">
            {task.projectName}
          </AnchorLink>
          <Text span size="sm" c="dimmed">
            {' · '}
            {task.accountName}
          </Text>
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{task.dueDate ? formatCalendarDate(task.dueDate, locale) : '—'}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {hoursLabel(t, task.spentHours, locale)} / {hoursLabel(t, task.estimateHours, locale)}
      </Table.Td>
      <Table.Td>
        {task.can.updateProgress ? <TaskStatusControl task={task} /> : <EnumBadge group="taskStatus" value={task.status} />}
      </Table.Td>
    </Table.Tr>
  );
}

function GroupRows({ group, tasks }: { group: WorkGroup; tasks: Task[] }) {
  const { t } = useTranslation();
  return (
    <Table.Tbody data-testid={`work-${group}`}>
      <Table.Tr bg="var(--mantine-color-default-hover)">
        <Table.Th colSpan={COLUMNS} scope="rowgroup" c={group === 'late' ? 'var(--mantine-color-error)' : undefined}>
          {t(`myWork.group.${group}`)} · {tasks.length}
        </Table.Th>
      </Table.Tr>
      {tasks.map((task) => (
        <WorkRow key={task.id} task={task} />
      ))}
    </Table.Tbody>
  );
}

export function MyWorkTable({ tasks, calendar }: { tasks: Task[]; calendar: WorkCalendar }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table layout="fixed" verticalSpacing={6} aria-label={t('myWork.title')}>
        <colgroup>
          <col style={{ width: '34%' }} />
          <col style={{ width: '26%' }} />
          <col style={{ width: '13%' }} />
          <col style={{ width: '12%' }} />
          <col style={{ width: '15%' }} />
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('task.title')}</Table.Th>
            <Table.Th>{t('task.project')}</Table.Th>
            <Table.Th>{t('task.dueDate')}</Table.Th>
            <Table.Th>{t('task.spentOfEstimate')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        {groupWork(tasks, calendar).map(({ group, tasks: inGroup }) => (
          <GroupRows key={group} group={group} tasks={inGroup} />
        ))}
      </Table>
    </Table.ScrollContainer>
  );
}
