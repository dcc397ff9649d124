/** The delivery template: ordered milestones (a title, days from the start) and tasks by role with hours, optionally in a milestone. */
import { Button, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Language } from '@common/enums';
import { roleLabel } from '../tasks/labels';
import { OrderedRow } from './OrderedRow';
import { emptyMilestone, emptyTask, type ServiceFormValues } from './service-form-values';
import { TitleInputs } from './TitleInputs';

interface Props {
  form: UseFormReturnType<ServiceFormValues>;
  language: Language;
  roles: string[];
}

export function TemplateEditor({ form, language, roles }: Props) {
  const { t } = useTranslation();
  const { milestones, tasks } = form.values;
  const move = (list: 'milestones' | 'tasks') => (from: number, to: number) => form.reorderListItem(list, { from, to });
  // A milestone is named by its title in the agency's language as typed, else by its number.
  const milestoneName = (i: number) =>
    milestones[i].title[language] || milestones[i].title[language === 'en' ? 'ru' : 'en'] || t('services.milestoneN', { n: i + 1 });

  const removeMilestone = (i: number) => {
    const key = milestones[i].key;
    // Its tasks stay, no longer in a milestone.
    tasks.forEach((task, j) => task.milestoneKey === key && form.setFieldValue(`tasks.${j}.milestoneKey`, ''));
    form.removeListItem('milestones', i);
  };

  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('services.template')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('services.templateHint')}
      </Text>
      {milestones.map((m, i) => (
        <OrderedRow
          key={m.key}
          name={t('services.milestoneN', { n: i + 1 })}
          index={i}
          count={milestones.length}
          cols={4}
          testId="milestone-row"
          onMove={move('milestones')}
          onRemove={() => removeMilestone(i)}
        >
          <TitleInputs form={form} path={`milestones.${i}.title`} label={t('services.milestoneTitle')} required={language} />
          <TextInput label={t('services.offsetDays')} inputMode="numeric" required {...form.getInputProps(`milestones.${i}.offsetDays`)} />
        </OrderedRow>
      ))}
      <Button variant="default" w="fit-content" onClick={() => form.insertListItem('milestones', emptyMilestone())}>
        {t('services.addMilestone')}
      </Button>
      {tasks.map((task, i) => (
        <OrderedRow
          key={task.rowKey}
          name={t('services.taskN', { n: i + 1 })}
          index={i}
          count={tasks.length}
          cols={3}
          testId="task-row"
          onMove={move('tasks')}
          onRemove={() => form.removeListItem('tasks', i)}
        >
          <TitleInputs form={form} path={`tasks.${i}.title`} label={t('services.taskTitle')} required={language} />
          <NativeSelect
            label={t('services.role')}
            required
            data={[{ value: '', label: '—' }, ...roles.map((r) => ({ value: r, label: roleLabel(t, r) }))]}
            {...form.getInputProps(`tasks.${i}.role`)}
          />
          <TextInput label={t('services.hours')} inputMode="decimal" required {...form.getInputProps(`tasks.${i}.hours`)} />
          <NativeSelect
            label={t('services.inMilestone')}
            data={[
              { value: '', label: t('services.noMilestone') },
              ...milestones.map((m, j) => ({ value: m.key, label: milestoneName(j) })),
            ]}
            {...form.getInputProps(`tasks.${i}.milestoneKey`)}
          />
        </OrderedRow>
      ))}
      <Button variant="default" w="fit-content" onClick={() => form.insertListItem('tasks', emptyTask())}>
        {t('services.addTask')}
      </Button>
    </Stack>
  );
}
