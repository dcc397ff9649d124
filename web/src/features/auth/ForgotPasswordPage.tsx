/** "Forgot your password?": asks for a reset link by email; the answer is the same whether or not the address is known. */
import { useState } from 'react';
import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PasswordResetRequestSchema, type PasswordResetRequest } from '@common/schemas/access-links';
import { api } from '../../api/client';
import { FormAlerts } from '../../components/FormAlerts';
import { AnchorLink } from '../../components/links';
import { validateSchema } from '../../lib/forms';
import { useSubmit } from '../../lib/use-submit';
import { AuthLayout } from './AuthLayout';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<PasswordResetRequest>({ initialValues: { email: '' }, validate: validateSchema(PasswordResetRequestSchema) });
  const [submit, state] = useSubmit(form, async (values: PasswordResetRequest) => {
    await api.post('/auth/password-reset', values);
    setSentTo(values.email.trim());
  });
  const back = (
    <AnchorLink to="/sign-in" search={{ next: undefined }} size="sm">
      {t('forgotPassword.backToSignIn')}
    </AnchorLink>
  );

  if (sentTo) {
    return (
      <AuthLayout title={t('forgotPassword.sentTitle')}>
        <Stack>
          {/* A long address breaks anywhere rather than running out of the card on a phone. */}
          <Alert color="blue" role="status" style={{ overflowWrap: 'anywhere' }}>
            {t('forgotPassword.sent', { email: sentTo })}
          </Alert>
          {back}
        </Stack>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('forgotPassword.title')} intro={t('forgotPassword.intro')}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <FormAlerts state={state} />
          <TextInput label={t('fields.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
          <Button type="submit" loading={state.submitting}>
            {t('forgotPassword.submit')}
          </Button>
          {back}
        </Stack>
      </form>
    </AuthLayout>
  );
}
