/** Admin: the questions a new project's brief starts with, per kind of work. */
import { notify } from '../../lib/notify';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { BriefTemplateUpdateSchema } from '@common/schemas/task';
import { FormAlerts } from '../../components/FormAlerts';
import { InlineActions } from '../../components/InlineActions';
import { RemoveRowButton } from '../../components/RemoveRowButton';
import { validateSchema } from '../../lib/forms';
import { useSubmit } from '../../lib/use-submit';
import { useSaveBriefTemplate, type BriefTemplate } from './api';

type Values = Pick<BriefTemplate, 'questions'>;

/**
 * Answers are stored against a question's id, so existing questions keep theirs when their
 * wording changes; a new question gets a fresh one.
 */
const newQuestionId = () => `q-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

export function BriefTemplateForm({ template }: { template: BriefTemplate }) {
  const { t } = useTranslation();
  const save = useSaveBriefTemplate();
  const form = useForm<Values>({ initialValues: { questions: template.questions }, validate: validateSchema(BriefTemplateUpdateSchema) });
  const [submit, state] = useSubmit(form, async (v: Values) => {
    await save.mutateAsync({ kind: template.kind, questions: v.questions });
    notify({ color: 'green', message: t('deliverySettings.templateSaved', { kind: t(`workKind.${template.kind}`) }) });
  });

  return (
    <form
      onSubmit={form.onSubmit(submit)}
      noValidate
      aria-label={t('deliverySettings.templateOf', { kind: t(`workKind.${template.kind}`) })}
    >
      <Stack gap="sm">
        <FormAlerts state={state} />
        {form.values.questions.map((q, i) => (
          <Group key={q.id} align="flex-start" gap="sm" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t('deliverySettings.question', { n: i + 1 })}
              required
              {...form.getInputProps(`questions.${i}.text`)}
            />
            <RemoveRowButton
              label={t('deliverySettings.removeQuestion', { n: i + 1 })}
              onClick={() => form.removeListItem('questions', i)}
            />
          </Group>
        ))}
        {typeof form.errors.questions === 'string' && (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {form.errors.questions}
          </Text>
        )}
        <Button variant="default" w="fit-content" onClick={() => form.insertListItem('questions', { id: newQuestionId(), text: '' })}>
          {t('deliverySettings.addQuestion')}
        </Button>
        <InlineActions submitting={state.submitting} submitLabel={t('common.save')} />
      </Stack>
    </form>
  );
}
