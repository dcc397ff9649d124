/** Admin settings of Today: how long an account may go without contact, and how long things may wait for the client. */
import { Button, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_STATUSES } from '@common/enums';
import { TodaySettingsSchema, type TodaySettings } from '@common/schemas/today-settings';
import { FormAlerts } from '../../components/FormAlerts';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { validateWith } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { useSubmit } from '../../lib/use-submit';
import { todaySettingsQuery, useSaveTodaySettings } from './api';
import { toSettings, toValues, type TodaySettingsValues } from './today-settings-values';

function TodaySettingsForm({ settings }: { settings: TodaySettings }) {
  const { t } = useTranslation();
  const save = useSaveTodaySettings();
  const form = useForm<TodaySettingsValues>({
    initialValues: toValues(settings),
    validate: validateWith(TodaySettingsSchema, (v: TodaySettingsValues) => ({ payload: toSettings(v) })),
  });
  const [submit, state] = useSubmit(form, async (values: TodaySettingsValues) => {
    await save.mutateAsync(toSettings(values));
    notify({ message: t('today.settings.saved'), color: 'green' });
  });
  // Not clamped: a wrong figure is said wrong, not changed behind the user's back.
  const days = { min: 1, allowDecimal: false, clampBehavior: 'none' as const };
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('today.settings.title')}>
      <Stack gap="md" maw={560}>
        <FormAlerts state={state} />
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <Title order={2} size="h4" component="legend">
            {t('today.settings.cadence')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('today.settings.cadenceHelp')}
          </Text>
          <Stack gap="xs">
            {ACCOUNT_STATUSES.map((status) => (
              <NumberInput
                key={status}
                label={t(`accountStatus.${status}`)}
                placeholder={t('today.settings.never')}
                max={365}
                {...days}
                {...form.getInputProps(`contactCadenceDays.${status}`)}
              />
            ))}
          </Stack>
        </fieldset>
        <NumberInput
          label={t('today.settings.clientWait')}
          description={t('today.settings.clientWaitHelp')}
          max={90}
          {...days}
          {...form.getInputProps('clientWaitDays')}
        />
        <NumberInput
          label={t('today.settings.proposalUndecided')}
          description={t('today.settings.proposalUndecidedHelp')}
          max={90}
          {...days}
          {...form.getInputProps('proposalUndecidedDays')}
        />
        <Button type="submit" w="fit-content" loading={state.submitting}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

export function TodaySettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery(todaySettingsQuery);
  return (
    <>
      <PageHeader title={t('today.settings.title')} />
      <Paper withBorder p="md" radius="md">
        <RecordGate query={settings}>{(s) => <TodaySettingsForm key={JSON.stringify(s)} settings={s} />}</RecordGate>
      </Paper>
    </>
  );
}
