/** The inputs of a task the manager sets: title, specialist, role, milestone, due date and estimate. */
import { NativeSelect, NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TASK_ASSIGNEE_ROLES } from '@common/enums';
import { milestonesQuery } from '../projects/plan-api';
import { UserPicker } from '../users/UserPicker';
import { deliverySettingsQuery } from './api';
import { roleLabel } from './labels';
import type { TaskFormValues } from './task-form-values';

export function TaskFields({ form, projectId }: { form: UseFormReturnType<TaskFormValues>; projectId: string }) {
  const { t } = useTranslation();
  const settings = useQuery(deliverySettingsQuery);
  const milestones = useQuery(milestonesQuery(projectId));
  const none = (label: string) => ({ value: '', label });
  return (
    <>
      <TextInput label={t('task.title')} required {...form.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <UserPicker
          label={t('task.assignee')}
          roles={TASK_ASSIGNEE_ROLES}
          clearable
          placeholder={t('task.unassigned')}
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
    </>
  );
}
