/**
 * The pipeline's settings as a form: each stage's names and default probability, the lost reasons
 * (added, renamed, removed) and how many days a new proposal is valid.
 */
import { ActionIcon, Button, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DEAL_STAGES } from '@common/enums';
import { DealSettingsSchema, type DealSettings } from '@common/schemas/deal';
import { DataTable } from '../../components/DataTable';
import { FormAlerts } from '../../components/FormAlerts';
import { validateSchema } from '../../lib/forms';
import { notify } from '../../lib/notify';
import { useSubmit } from '../../lib/use-submit';
import { useSaveDealSettings } from './api';

export function DealSettingsForm({ settings }: { settings: DealSettings }) {
  const { t } = useTranslation();
  const save = useSaveDealSettings();
  const form = useForm<DealSettings>({ initialValues: settings, validate: validateSchema(DealSettingsSchema) });
  const [submit, state] = useSubmit(form, async (values: DealSettings) => {
    await save.mutateAsync(values);
    notify({ message: t('deals.settings.saved'), color: 'green' });
  });
  const closed = (s: string) => s === 'won' || s === 'lost';

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('deals.settings.title')}>
      <Stack gap="lg">
        <FormAlerts state={state} />
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('deals.settings.stages')}
          </Title>
          <DataTable
            headers={[t('deals.settings.stage'), t('deals.settings.nameEn'), t('deals.settings.nameRu'), t('deals.settings.probability')]}
          >
            {DEAL_STAGES.map((s) => (
              <Table.Tr key={s}>
                <Table.Td>
                  <Text size="sm">{s}</Text>
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={`${t('deals.settings.nameEn')}: ${s}`} {...form.getInputProps(`stages.${s}.name.en`)} />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={`${t('deals.settings.nameRu')}: ${s}`} {...form.getInputProps(`stages.${s}.name.ru`)} />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${t('deals.settings.probability')}: ${s}`}
                    min={0}
                    max={100}
                    allowDecimal={false}
                    disabled={closed(s)}
                    {...form.getInputProps(`stages.${s}.probability`)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          <Text size="sm" c="dimmed">
            {t('deals.settings.closedProbability')}
          </Text>
          {typeof form.errors.stages === 'string' && (
            <Text size="sm" c="var(--mantine-color-error)" role="alert">
              {form.errors.stages}
            </Text>
          )}
        </Stack>
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('deals.settings.lostReasons')}
          </Title>
          {form.values.lostReasons.map((r, i) => (
            <Group key={i} align="start" gap="xs" data-testid="lost-reason">
              <TextInput
                label={t('deals.settings.key')}
                description={i === 0 ? t('deals.settings.keyHint') : undefined}
                w={180}
                {...form.getInputProps(`lostReasons.${i}.key`)}
              />
              <TextInput label={t('deals.settings.nameEn')} {...form.getInputProps(`lostReasons.${i}.name.en`)} />
              <TextInput label={t('deals.settings.nameRu')} {...form.getInputProps(`lostReasons.${i}.name.ru`)} />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={i === 0 ? 48 : 28}
                aria-label={t('deals.settings.removeReason', { name: r.name.en || r.key })}
                onClick={() => form.removeListItem('lostReasons', i)}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          {typeof form.errors.lostReasons === 'string' && (
            <Text size="sm" c="var(--mantine-color-error)" role="alert">
              {form.errors.lostReasons}
            </Text>
          )}
          <Group>
            <Button variant="default" onClick={() => form.insertListItem('lostReasons', { key: '', name: { en: '', ru: '' } })}>
              {t('deals.settings.addReason')}
            </Button>
          </Group>
        </Stack>
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('deals.settings.proposals')}
          </Title>
          <NumberInput
            label={t('deals.settings.validityDays')}
            description={t('deals.settings.validityHint')}
            min={1}
            max={365}
            allowDecimal={false}
            w={220}
            {...form.getInputProps('proposalValidityDays')}
          />
        </Stack>
        <Group justify="flex-end">
          <Button type="submit" loading={state.submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
