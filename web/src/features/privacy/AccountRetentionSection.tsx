/** On an account's edit page, for admins: keep its interactions as the agency does, for good, or for its own years. */
import { Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountRetention } from '@common/schemas/privacy';
import { FormAlerts } from '../../components/FormAlerts';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { notify } from '../../lib/notify';
import { useSubmit } from '../../lib/use-submit';
import { accountRetentionQuery, useSaveAccountRetention } from './api';
import { RetentionFields } from './RetentionFields';
import { validateRetention, valuesOf, yearsOf, type RetentionValues } from './retention-form';

function AccountRetentionForm({ retention }: { retention: AccountRetention }) {
  const { t } = useTranslation();
  const save = useSaveAccountRetention(retention.accountId);
  const form = useForm<RetentionValues>({ initialValues: valuesOf(retention.inherit, retention.years), validate: validateRetention(t) });
  const [submit, state] = useSubmit(form, async (values: RetentionValues) => {
    await save.mutateAsync(values.mode === 'inherit' ? { inherit: true } : { inherit: false, years: yearsOf(values) });
    notify({ message: t('privacy.retention.saved'), color: 'green' });
  });
  const agency =
    retention.agencyYears === null
      ? t('privacy.retention.inheritKeep')
      : t('privacy.retention.inheritYears', { count: retention.agencyYears });
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('privacy.retention.accountTitle')}>
      <Stack gap="md" maw={560}>
        <FormAlerts state={state} />
        <RetentionFields form={form} modes={['inherit', 'keep', 'years']} inheritLabel={agency} />
        <Button type="submit" w="fit-content" variant="default" loading={state.submitting}>
          {t('privacy.retention.saveAccount')}
        </Button>
      </Stack>
    </form>
  );
}

export function AccountRetentionSection({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const query = useQuery(accountRetentionQuery(accountId));
  return (
    <Section title={t('privacy.retention.accountTitle')}>
      <RecordGate query={query}>{(r) => <AccountRetentionForm key={JSON.stringify(r)} retention={r} />}</RecordGate>
    </Section>
  );
}
