/** The manager changes what a task is: title, specialist, role, milestone, due date, estimate. */
import { useMemo } from 'react';
import { Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TaskUpdateSchema, type Task } from '@common/schemas/task';
import { EditRecord } from '../../components/EditRecord';
import { FormActions } from '../../components/FormActions';
import { FormAlerts } from '../../components/FormAlerts';
import { changedFields, validateWith } from '../../lib/forms';
import { useSubmit } from '../../lib/use-submit';
import { taskQuery, useUpdateTask } from './api';
import { taskToValues, valuesToTask, type TaskFormValues } from './task-form-values';
import { TaskFields } from './TaskFields';

const route = getRouteApi('/app/tasks/$taskId/edit');

function TaskEditForm({ task, onReload, onSaved }: { task: Task; onReload: () => Promise<unknown>; onSaved: () => void }) {
  const update = useUpdateTask();
  const initial = useMemo(() => taskToValues(task), [task]);
  const form = useForm<TaskFormValues>({
    initialValues: initial,
    validate: validateWith(TaskUpdateSchema, (v: TaskFormValues) => ({ payload: valuesToTask(v) })),
  });
  const [submit, state] = useSubmit(form, async (v: TaskFormValues) => {
    await update.mutateAsync({ task, changes: changedFields(valuesToTask(v), valuesToTask(initial)) });
    onSaved();
  });
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <FormAlerts state={state} onReload={onReload} />
        <TaskFields form={form} projectId={task.projectId} />
        <FormActions submitting={state.submitting} />
      </Stack>
    </form>
  );
}

export function TaskEditPage() {
  const { t } = useTranslation();
  const { taskId } = route.useParams();
  const navigate = useNavigate();
  // No refetch on focus: the form must not be reset under the user's hands.
  const query = useQuery({ ...taskQuery(taskId), refetchOnWindowFocus: false });
  return (
    <EditRecord query={query} editable={(r) => r.can.update} title={(task) => t('taskPage.editTitle', { title: task.title })}>
      {(task, reload) => (
        <TaskEditForm task={task} onReload={reload} onSaved={() => void navigate({ to: '/tasks/$taskId', params: { taskId } })} />
      )}
    </EditRecord>
  );
}
