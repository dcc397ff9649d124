/** The manager assigns a task on a project: to a specialist, in a role, with an estimate and a due date. */
import { useState } from 'react';
import { NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TaskCreateSchema, type Task } from '@common/schemas/task';
import { api } from '../../api/client';
import { FormAlerts } from '../../components/FormAlerts';
import { InlineActions } from '../../components/InlineActions';
import { validateWith } from '../../lib/forms';
import { useSubmit } from '../../lib/use-submit';
import { milestonesQuery } from '../projects/plan-api';
import { deliverySettingsQuery, useSpecialists, useTasksChanged } from './api';
import { roleLabel } from './labels';

interface Values {
  title: string;
  assigneeId: string;
  role: string;
  dueDate: string;
  estimateHours: number | string;
  milestoneId: string;
}

const blank: Values = { title: '', assigneeId: '', role: '', dueDate: '', estimateHours: '', milestoneId: '' };

export function TaskCreateForm({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const specialists = useSpecialists();
  const settings = useQuery(deliverySettingsQuery);
  const milestones = useQuery(milestonesQuery(projectId));
  const changed = useTasksChanged();
  // Said beside the form rather than in a notification, which would cover its button while the next task is typed.
  const [done, setDone] = useState('');

  const toPayload = (v: Values) => ({
    projectId,
    title: v.title,
    assigneeId: v.assigneeId || null,
    // No role chosen: the server takes the specialist's own.
    role: v.role || null,
    dueDate: v.dueDate || null,
    estimateHours: v.estimateHours === '' ? 0 : Number(v.estimateHours),
    milestoneId: v.milestoneId || null,
  });
  const form = useForm<Values>({
    initialValues: blank,
    validate: validateWith(TaskCreateSchema, (v: Values) => ({ payload: toPayload(v) })),
  });
  const [submit, state] = useSubmit(form, async (v: Values) => {
    const task = await api.post<Task>('/tasks', toPayload(v));
    await changed(projectId);
    form.reset();
    setDone(task.assigneeName ? t('task.assigned', { title: task.title, name: task.assigneeName }) : t('task.created', { title: task.title }));
  });

  const none = (label: string) => ({ value: '', label });
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('task.new')}>
      <Stack gap="sm">
        <FormAlerts state={state} />
        <TextInput label={t('task.title')} required {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <NativeSelect
            label={t('task.assignee')}
            data={[none(t('task.unassigned')), ...(specialists.data ?? []).map((u) => ({ value: u.id, label: u.name }))]}
            {...form.getInputProps('assigneeId')}
          />
          <NativeSelect
            label={t('task.role')}
            data={[none(t('task.theirRole')), ...(settings.data?.specialistRoles ?? []).map((r) => ({ value: r, label: roleLabel(t, r) }))]}
            {...form.getInputProps('role')}
          />
          <NativeSelect
            label={t('task.milestone')}
            data={[none(t('common.none')), ...(milestones.data ?? []).map((m) => ({ value: m.id, label: m.title }))]}
            {...form.getInputProps('milestoneId')}
          />
          <TextInput type="date" label={t('task.dueDate')} {...form.getInputProps('dueDate')} />
          <NumberInput label={t('task.estimate')} min={0} max={10000} decimalScale={1} {...form.getInputProps('estimateHours')} />
        </SimpleGrid>
        <Text size="sm" role="status" aria-live="polite">
          {done}
        </Text>
        <InlineActions submitting={state.submitting} submitLabel={t('task.assign')} />
      </Stack>
    </form>
  );
}
