/** Add a milestone to a project's plan, or change one (which reopens an approved plan). */
import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { MILESTONE_STATUSES } from '@common/enums';
import { MilestoneCreateSchema, MilestoneUpdateSchema, type Milestone } from '@common/schemas/plan';
import { api } from '../../api/client';
import { FormAlerts } from '../../components/FormAlerts';
import { InlineActions } from '../../components/InlineActions';
import { changedFields, validateWith } from '../../lib/forms';
import { useSubmit } from '../../lib/use-submit';
import { usePlanRefresh } from './plan-api';

interface Values {
  title: string;
  dueDate: string;
  status: Milestone['status'];
}

interface Props {
  projectId: string;
  /** The milestone being changed; absent when adding one. */
  milestone?: Milestone;
  onDone?: () => void;
  onCancel?: () => void;
  onReload?: () => Promise<unknown>;
}

const toValues = (m?: Milestone): Values => ({ title: m?.title ?? '', dueDate: m?.dueDate ?? '', status: m?.status ?? 'planned' });

export function MilestoneForm({ projectId, milestone, onDone, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  const refresh = usePlanRefresh();
  const form = useForm<Values>({
    initialValues: toValues(milestone),
    validate: validateWith(milestone ? MilestoneUpdateSchema : MilestoneCreateSchema, (v: Values) => ({
      payload: milestone ? v : { ...v, projectId },
    })),
  });
  const [submit, state] = useSubmit(form, async (values: Values) => {
    if (milestone) {
      await api.patch<Milestone>(`/milestones/${milestone.id}`, changedFields(values, toValues(milestone)), milestone.version);
    } else {
      await api.post<Milestone>('/milestones', { ...values, projectId });
      form.reset();
    }
    await refresh(projectId, 'milestones');
    onDone?.();
  });

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t(milestone ? 'plan.editMilestone' : 'plan.addMilestone')}>
      <Stack gap="sm">
        <FormAlerts state={state} onReload={onReload} />
        <SimpleGrid cols={{ base: 1, sm: milestone ? 1 : 3 }}>
          <TextInput label={t('plan.milestoneTitle')} required {...form.getInputProps('title')} />
          <TextInput type="date" label={t('plan.milestoneDue')} required {...form.getInputProps('dueDate')} />
          <NativeSelect
            label={t('fields.status')}
            data={MILESTONE_STATUSES.map((s) => ({ value: s, label: t(`milestoneStatus.${s}`) }))}
            {...form.getInputProps('status')}
          />
        </SimpleGrid>
        <InlineActions
          submitting={state.submitting}
          submitLabel={milestone ? t('common.save') : t('plan.addMilestone')}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
