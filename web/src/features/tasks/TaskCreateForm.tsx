/** The manager assigns a task on a project: to a specialist, in a role, with an estimate and a due date. */
import { useState } from 'react';
import { Alert, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TaskCreateSchema, type Task } from '@common/schemas/task';
import { api, ApiError } from '../../api/client';
import { FormAlerts } from '../../components/FormAlerts';
import { InlineActions } from '../../components/InlineActions';
import { problemText } from '../../lib/problems';
import { validateWith } from '../../lib/forms';
import { useSubmit } from '../../lib/use-submit';
import { useCreditConfirm } from '../billing/CreditConfirm';
import { userQuery } from '../users/api';
import { deliverySettingsQuery, useTasksChanged } from './api';
import { taskCostMinor, taskRole } from './task-cost';
import { BLANK_TASK, valuesToTask, type TaskFormValues as Values } from './task-form-values';
import { TaskFields } from './TaskFields';

export function TaskCreateForm({ projectId, accountId, currency }: { projectId: string; accountId: string; currency: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery(deliverySettingsQuery);
  const changed = useTasksChanged();
  // Said beside the form rather than in a notification, which would cover its button while the next task is typed.
  const [done, setDone] = useState('');
  // The server's refusal while work on the account is stopped (409), with its reason.
  const [refusal, setRefusal] = useState<string>();
  const [confirmCredit, creditDialog] = useCreditConfirm(t('creditCheck.createAnyway'));

  const toPayload = (v: Values) => ({ projectId, ...valuesToTask(v) });
  const form = useForm<Values>({
    initialValues: BLANK_TASK,
    validate: validateWith(TaskCreateSchema, (v: Values) => ({ payload: toPayload(v) })),
  });
  // The rate follows the specialist's own role when none is chosen; without a rate in the
  // project's currency the estimate adds nothing known, and the other warnings still apply.
  const cost = async (v: Values) => {
    const assignee = v.assigneeId ? await queryClient.fetchQuery(userQuery(v.assigneeId)) : null;
    return taskCostMinor(toPayload(v).estimateHours, taskRole(v.role, assignee?.specialties), currency, settings.data?.roleRates) ?? 0;
  };
  const post = async (v: Values) => {
    try {
      return await api.post<Task>('/tasks', toPayload(v));
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 409) throw e;
      setRefusal(problemText(e) ?? '');
    }
  };
  const [submit, state] = useSubmit(form, async (v: Values) => {
    setRefusal(undefined);
    setDone('');
    if (!(await confirmCredit(accountId, await cost(v)))) return;
    const task = await post(v);
    if (!task) return;
    await changed(projectId);
    form.reset();
    setDone(
      task.assigneeName ? t('task.assigned', { title: task.title, name: task.assigneeName }) : t('task.created', { title: task.title }),
    );
  });

  return (
    <>
      <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('task.new')}>
        <Stack gap="sm">
          <FormAlerts state={state} />
          {refusal !== undefined && (
            <Alert color="red" role="alert" title={t('creditCheck.stopWorkTitle')} data-testid="stop-work-refusal">
              {refusal}
            </Alert>
          )}
          <TaskFields form={form} projectId={projectId} />
          <Text size="sm" role="status" aria-live="polite">
            {done}
          </Text>
          <InlineActions submitting={state.submitting} submitLabel={t('task.assign')} />
        </Stack>
      </form>
      {creditDialog}
    </>
  );
}
