/** What a task is: where it belongs, who does it, by when, and what it has taken (and costs, for those who see money). */
import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '@common/schemas/task';
import { Details } from '../../components/Details';
import { AnchorLink } from '../../components/links';
import { useLocale } from '../../i18n';
import { formatCalendarDate } from '../../lib/format';
import { useMe } from '../auth/session';
import { EnumBadge } from '../delivery/EnumBadge';
import { LateBadge } from '../delivery/LateBadge';
import { hoursLabel, roleLabel } from './labels';
import { taskCostRows } from './task-cost-rows';

export function TaskDetails({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  return (
    <Details
      items={[
        [
          t('task.project'),
          <AnchorLink key="p" to="/projects/$projectId" params={{ projectId: task.projectId }} search={{ tab: 'tasks' }}>
            {task.projectName}
          </AnchorLink>,
        ],
        [
          t('fields.account'),
          // A specialist reaches the project through the task, never the client's account.
          me.can.seeAccounts ? (
            <AnchorLink key="a" to="/accounts/$accountId" params={{ accountId: task.accountId }}>
              {task.accountName}
            </AnchorLink>
          ) : (
            task.accountName
          ),
        ],
        [
          t('task.milestone'),
          task.milestoneTitle && (
            <AnchorLink key="m" to="/projects/$projectId" params={{ projectId: task.projectId }} search={{ tab: 'plan' }}>
              {task.milestoneTitle}
            </AnchorLink>
          ),
        ],
        [t('task.assignee'), task.assigneeName ?? t('task.unassigned')],
        [t('task.role'), roleLabel(t, task.role)],
        [t('fields.status'), <EnumBadge key="s" group="taskStatus" value={task.status} />],
        [
          t('task.dueDate'),
          task.dueDate && (
            <Group key="d" gap="xs" component="span">
              {formatCalendarDate(task.dueDate, locale)}
              {task.late && <LateBadge what="task" size="sm" />}
            </Group>
          ),
        ],
        [t('task.estimateShort'), hoursLabel(t, task.estimateHours, locale)],
        [t('task.spent'), hoursLabel(t, task.spentHours, locale)],
        ...taskCostRows(task.cost, t, locale),
      ]}
    />
  );
}
