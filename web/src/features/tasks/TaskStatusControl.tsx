/** Changes a task's status in place; moving it to "blocked" first asks what blocks it. */
import { notify } from '../../lib/notify';
import { useState } from 'react';
import { NativeSelect, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TASK_STATUSES, type TaskStatus } from '@common/enums';
import type { Task } from '@common/schemas/task';
import { ActionDialog } from '../../components/ActionDialog';
import { describeError } from '../../components/describe-error';
import { useUpdateTask } from './api';

export function TaskStatusControl({ task, size = 'xs' }: { task: Task; size?: MantineSize }) {
  const { t } = useTranslation();
  const update = useUpdateTask();
  const [blocking, setBlocking] = useState(false);
  // While the change is on its way, show where the task is going rather than where it was.
  const shown = update.isPending ? (update.variables.changes.status ?? task.status) : task.status;

  const change = (status: TaskStatus) => {
    if (status === 'blocked') return setBlocking(true);
    update.mutate(
      { task, changes: { status } },
      {
        onSuccess: () => notify({ color: 'green', message: t('task.moved', { title: task.title, status: t(`taskStatus.${status}`) }) }),
        // A 412 means someone changed the task meanwhile: say so; the list reloads it.
        onError: (e) => notify({ color: 'red', message: describeError(e, t) }),
      },
    );
  };

  return (
    <>
      <NativeSelect
        size={size}
        aria-label={t('task.statusOf', { title: task.title })}
        value={shown}
        disabled={update.isPending}
        onChange={(e) => change(e.currentTarget.value as TaskStatus)}
        data={TASK_STATUSES.map((s) => ({ value: s, label: t(`taskStatus.${s}`) }))}
      />
      <ActionDialog
        opened={blocking}
        onClose={() => setBlocking(false)}
        title={t('task.blockTitle', { title: task.title })}
        note={{ label: t('task.blockedReason'), missing: t('task.blockedReasonMissing'), field: 'blockedReason' }}
        confirmLabel={t('task.block')}
        onConfirm={(blockedReason) => update.mutateAsync({ task, changes: { status: 'blocked', blockedReason } })}
      />
    </>
  );
}
