/** Admin settings of claims: deadlines by severity (calendar hours), auto-closing, and the categories and root causes. */
import { Button, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CLAIM_SEVERITIES } from '@common/enums';
import { ClaimSettingsSchema, type ClaimSettings } from '@common/schemas/claim';
import { DataTable } from '../../components/DataTable';
import { FormAlerts } from '../../components/FormAlerts';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { validateSchema } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { useSubmit } from '../../lib/use-submit';
import { claimSettingsQuery, useNameOf, useSaveClaimSettings } from './api';
import { NamedListField } from './NamedListField';

function ClaimSettingsForm({ settings }: { settings: ClaimSettings }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const save = useSaveClaimSettings();
  const form = useForm<ClaimSettings>({ initialValues: settings, validate: validateSchema(ClaimSettingsSchema) });
  const [submit, state] = useSubmit(form, async (values: ClaimSettings) => {
    await save.mutateAsync(values);
    notify({ message: t('claims.settings.saved'), color: 'green' });
  });
  const hours = (label: string, path: string) => (
    <NumberInput aria-label={label} min={1} allowDecimal={false} {...form.getInputProps(path)} />
  );
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('claims.settings.title')}>
      <Stack gap="lg">
        <FormAlerts state={state} />
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('claims.settings.deadlines')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('claims.settings.deadlinesHint')}
          </Text>
          <DataTable headers={[t('claims.fields.severity'), t('claims.settings.respondHours'), t('claims.settings.resolveHours')]}>
            {CLAIM_SEVERITIES.map((s) => (
              <Table.Tr key={s}>
                <Table.Td>{t(`claims.severity.${s}`)}</Table.Td>
                <Table.Td>
                  {hours(`${t('claims.settings.respondHours')}: ${t(`claims.severity.${s}`)}`, `deadlines.${s}.respondHours`)}
                </Table.Td>
                <Table.Td>
                  {hours(`${t('claims.settings.resolveHours')}: ${t(`claims.severity.${s}`)}`, `deadlines.${s}.resolveHours`)}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Stack>
        <Group align="start">
          <NumberInput
            label={t('claims.settings.autoCloseDays')}
            min={1}
            max={365}
            allowDecimal={false}
            {...form.getInputProps('autoCloseDays')}
          />
          <NativeSelect
            label={t('claims.settings.surveyCategory')}
            data={form.values.categories.filter((c) => c.key).map((c) => ({ value: c.key, label: nameOf(form.values.categories, c.key) }))}
            {...form.getInputProps('surveyCategory')}
          />
        </Group>
        <NamedListField form={form} path="categories" title={t('claims.settings.categories')} />
        <NamedListField form={form} path="rootCauses" title={t('claims.settings.rootCauses')} />
        <Group justify="flex-end">
          <Button type="submit" loading={state.submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ClaimSettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery(claimSettingsQuery);
  return (
    <>
      <PageHeader title={t('claims.settings.title')} />
      <Paper withBorder p="md" radius="md">
        <RecordGate query={settings}>{(s) => <ClaimSettingsForm key={JSON.stringify(s)} settings={s} />}</RecordGate>
      </Paper>
    </>
  );
}
