/** Admin: the questions a new project's brief starts with, per kind of work, in each language. */
import { notify } from '../../lib/notify';
import { useState } from 'react';
import { Button, Group, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Language } from '@common/enums';
import { BriefTemplateUpdateSchema } from '@common/schemas/task';
import { FormAlerts } from '../../components/FormAlerts';
import { InlineActions } from '../../components/InlineActions';
import { RemoveRowButton } from '../../components/RemoveRowButton';
import { UI_LANGUAGES } from '../../i18n';
import { validateWith } from '../../lib/forms';
import { useSubmit } from '../../lib/use-submit';
import { useSaveBriefTemplate, type BriefQuestions, type BriefTemplate } from './api';

type Values = Pick<BriefTemplate, 'questionsByLanguage'>;

/**
 * Answers are stored against a question's id, so existing questions keep theirs when their
 * wording changes; a new question gets a fresh one.
 */
const newQuestionId = () => `q-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** Only the languages edited are sent, so two admins editing one language each do not undo each other. */
function toPayload(v: Values, before: Values): { questionsByLanguage: BriefQuestions } {
  const edited = UI_LANGUAGES.filter((l) => JSON.stringify(v.questionsByLanguage[l]) !== JSON.stringify(before.questionsByLanguage[l]));
  const languages = edited.length ? edited : UI_LANGUAGES;
  return { questionsByLanguage: Object.fromEntries(languages.map((l) => [l, v.questionsByLanguage[l]])) };
}

function Questions({ form, language }: { form: UseFormReturnType<Values>; language: Language }) {
  const { t } = useTranslation();
  const path = `questionsByLanguage.${language}` as const;
  return (
    <Stack gap="sm">
      {form.values.questionsByLanguage[language].map((q, i) => (
        <Group key={q.id} align="flex-start" gap="sm" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={t('deliverySettings.question', { n: i + 1 })}
            required
            {...form.getInputProps(`${path}.${i}.text`)}
          />
          <RemoveRowButton label={t('deliverySettings.removeQuestion', { n: i + 1 })} onClick={() => form.removeListItem(path, i)} />
        </Group>
      ))}
      {typeof form.errors[path] === 'string' && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {form.errors[path]}
        </Text>
      )}
      <Button variant="default" w="fit-content" onClick={() => form.insertListItem(path, { id: newQuestionId(), text: '' })}>
        {t('deliverySettings.addQuestion')}
      </Button>
    </Stack>
  );
}

export function BriefTemplateForm({ template }: { template: BriefTemplate }) {
  const { t, i18n } = useTranslation();
  const save = useSaveBriefTemplate();
  const initial: Values = { questionsByLanguage: template.questionsByLanguage };
  const [language, setLanguage] = useState<Language>(UI_LANGUAGES.find((l) => l === i18n.language) ?? 'en');
  const form = useForm<Values>({
    initialValues: initial,
    validate: validateWith(BriefTemplateUpdateSchema, (v: Values) => ({ payload: toPayload(v, initial) })),
  });
  const [submit, state] = useSubmit(form, async (v: Values) => {
    await save.mutateAsync({ kind: template.kind, ...toPayload(v, initial) });
    notify({ color: 'green', message: t('deliverySettings.templateSaved', { kind: t(`workKind.${template.kind}`) }) });
  });
  // A mistake in the language not shown brings that language forward.
  const showFirstError = (errors: Record<string, unknown>) => {
    const wrong = UI_LANGUAGES.find((l) => Object.keys(errors).some((k) => k.startsWith(`questionsByLanguage.${l}`)));
    if (wrong) setLanguage(wrong);
  };

  return (
    <form
      onSubmit={form.onSubmit(submit, showFirstError)}
      noValidate
      aria-label={t('deliverySettings.templateOf', { kind: t(`workKind.${template.kind}`) })}
    >
      <Stack gap="sm">
        <FormAlerts state={state} />
        <Text size="sm" c="dimmed">
          {t('deliverySettings.briefLanguages')}
        </Text>
        {/* The form keeps both languages' values; only the one shown is on the page. */}
        <Tabs value={language} onChange={(value) => setLanguage(UI_LANGUAGES.find((l) => l === value) ?? language)} keepMounted={false}>
          <Tabs.List>
            {UI_LANGUAGES.map((l) => (
              <Tabs.Tab key={l} value={l}>
                {t(`deliverySettings.questionsIn.${l}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {UI_LANGUAGES.map((l) => (
            <Tabs.Panel key={l} value={l} pt="sm">
              <Questions form={form} language={l} />
            </Tabs.Panel>
          ))}
        </Tabs>
        <InlineActions submitting={state.submitting} submitLabel={t('common.save')} />
      </Stack>
    </form>
  );
}
