/** First run: create the first administrator when the installation has no user yet. */
import { useEffect } from 'react';
import { Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SetupSchema, type Me, type Setup } from '@common/schemas/auth';
import { api } from '../../api/client';
import { FormAlerts } from '../../components/FormAlerts';
import { validateSchema } from '../../lib/forms';
import { useSubmit } from '../../lib/use-submit';
import { AuthLayout, useEnterApp } from './AuthLayout';
import { CredentialFields } from './CredentialFields';
import { setupQuery } from './session';

export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const enterApp = useEnterApp();
  const setup = useQuery(setupQuery);

  useEffect(() => {
    // Setup happens once; afterwards this page only leads to sign-in.
    if (setup.data && !setup.data.needed) void navigate({ to: '/sign-in', search: { next: undefined } });
  }, [setup.data, navigate]);

  const form = useForm<Setup>({
    initialValues: { email: '', name: '', password: '' },
    validate: validateSchema(SetupSchema),
  });
  const [submit, state] = useSubmit(form, async (values: Setup) => {
    enterApp(await api.post<Me>('/setup', values));
  });

  return (
    <AuthLayout title={t('setup.title')} intro={t('setup.intro')}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <FormAlerts state={state} />
          <TextInput label={t('fields.personName')} autoComplete="name" required {...form.getInputProps('name')} />
          <CredentialFields
            email={form.getInputProps('email')}
            password={form.getInputProps('password')}
            newPasswordFor={{ name: form.values.name }}
          />
          <Button type="submit" loading={state.submitting}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
