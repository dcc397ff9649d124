/** Admin settings of surveys: which events send them, how often a contact may be asked, and what a low answer opens. */
import { Button, NumberInput, Paper, Radio, Stack, Switch } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SURVEY_FOLLOW_UPS } from '@common/enums';
import { SurveySettingsSchema, type SurveySettings } from '@common/schemas/survey';
import { FormAlerts } from '../../components/FormAlerts';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { validateSchema } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { useSubmit } from '../../lib/use-submit';
import { surveySettingsQuery, useSaveSurveySettings } from './api';

function SurveySettingsForm({ settings }: { settings: SurveySettings }) {
  const { t } = useTranslation();
  const save = useSaveSurveySettings();
  const form = useForm<SurveySettings>({ initialValues: settings, validate: validateSchema(SurveySettingsSchema) });
  const [submit, state] = useSubmit(form, async (values: SurveySettings) => {
    await save.mutateAsync(values);
    notify({ message: t('surveys.settings.saved'), color: 'green' });
  });
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('surveys.settings.title')}>
      <Stack gap="md" maw={560}>
        <FormAlerts state={state} />
        <Switch label={t('surveys.settings.onMilestoneDone')} {...form.getInputProps('onMilestoneDone', { type: 'checkbox' })} />
        <Switch label={t('surveys.settings.onProjectDelivered')} {...form.getInputProps('onProjectDelivered', { type: 'checkbox' })} />
        <Switch label={t('surveys.settings.quarterly')} {...form.getInputProps('quarterly', { type: 'checkbox' })} />
        <NumberInput
          label={t('surveys.settings.throttleDays')}
          description={t('surveys.settings.throttleHelp')}
          min={0}
          max={365}
          allowDecimal={false}
          {...form.getInputProps('throttleDays')}
        />
        <Radio.Group
          label={t('surveys.settings.followUp')}
          description={t('surveys.settings.followUpHelp')}
          {...form.getInputProps('followUp')}
        >
          <Stack gap="xs" mt="xs">
            {SURVEY_FOLLOW_UPS.map((f) => (
              <Radio key={f} value={f} label={t(`surveys.settings.followUps.${f}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <NumberInput
          label={t('surveys.settings.followUpDays')}
          min={0}
          max={60}
          allowDecimal={false}
          {...form.getInputProps('followUpDays')}
        />
        <Button type="submit" w="fit-content" loading={state.submitting}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

export function SurveySettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery(surveySettingsQuery);
  return (
    <>
      <PageHeader title={t('surveys.settings.title')} />
      <Paper withBorder p="md" radius="md">
        <RecordGate query={settings}>{(s) => <SurveySettingsForm key={JSON.stringify(s)} settings={s} />}</RecordGate>
      </Paper>
    </>
  );
}
