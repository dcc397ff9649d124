/** A specialist adds the hours they worked on a task; the task keeps the running total. */
import { notify } from '../../lib/notify';
import { Group, NumberInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Task } from '@common/schemas/task';
import { TaskUpdateSchema } from '@common/schemas/task';
import { FormAlerts } from '../../components/FormAlerts';
import { InlineActions } from '../../components/InlineActions';
import { useLocale } from '../../i18n';
import { validateWith } from '../../lib/forms';
import { useSubmit } from '../../lib/use-submit';
import { useTasksChanged, useUpdateTask } from './api';
import { hoursLabel } from './labels';

interface Values {
  hours: number | string;
}

export function LogTimeForm({ task }: { task: Task }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const update = useUpdateTask();
  const reload = useTasksChanged();
  // Added to the total in tenths of an hour so 0.1 + 0.2 stays 0.3.
  const total = (v: Values) => Math.round((task.spentHours + Number(v.hours || 0)) * 10) / 10;
  const form = useForm<Values>({
    initialValues: { hours: '' },
    validate: (v) => ({
      ...(v.hours === '' || Number(v.hours) <= 0 ? { hours: t('task.hoursMissing') } : {}),
      ...validateWith(TaskUpdateSchema, (x: Values) => ({ payload: { spentHours: total(x) } }), { spentHours: 'hours' })(v),
    }),
  });
  const [submit, state] = useSubmit(
    form,
    async (v: Values) => {
      const saved = await update.mutateAsync({ task, changes: { spentHours: total(v) } });
      form.reset();
      notify({ color: 'green', message: t('task.timeLogged', { total: hoursLabel(t, saved.spentHours, locale) }) });
    },
    { spentHours: 'hours' },
  );

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('task.logTimeFor', { title: task.title })}>
      <FormAlerts state={state} onReload={() => reload(task.projectId)} />
      <Group align="flex-start" gap="sm">
        <NumberInput label={t('task.addHours')} min={0} max={1000} step={0.5} decimalScale={1} w={160} {...form.getInputProps('hours')} />
        <Group mt={25}>
          <InlineActions submitting={state.submitting} submitLabel={t('task.logTime')} />
        </Group>
      </Group>
    </form>
  );
}
