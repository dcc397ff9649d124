/** What a task is: where it belongs, who does it, by when, and what it has taken (and costs, for those who see money). */
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '@common/schemas/task';
import { Details } from '../../components/Details';
import { AnchorLink } from '../../components/links';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../../lib/format';
import { useMe } from '../auth/session';
import { EnumBadge } from '../delivery/EnumBadge';
import { hoursLabel, roleLabel } from './labels';

export function TaskDetails({ task, late }: { task: TaskDetail; late: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const { cost } = task;
  const money = (minor: number) => (cost ? formatMoney(minor, cost.currency, locale) : '');
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
              {late && (
                <Badge color="red" size="sm">
                  {t('task.late')}
                </Badge>
              )}
            </Group>
          ),
        ],
        [t('task.estimateShort'), hoursLabel(t, task.estimateHours, locale)],
        [t('task.spent'), hoursLabel(t, task.spentHours, locale)],
        ...(cost
          ? ([
              [t('taskPage.cost'), t('taskPage.costOf', { spent: money(cost.spentMinor), estimate: money(cost.estimateMinor) })],
              [t('taskPage.rate'), t('taskPage.perHour', { rate: money(cost.hourlyRateMinor) })],
            ] as [string, string][])
          : []),
      ]}
    />
  );
}
