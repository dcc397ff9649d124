/** Sign in with email and password; sends first-time installs to the setup page. */
import { useEffect, useState } from 'react';
import { Alert, Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoginSchema, type Login, type Me } from '@common/schemas/auth';
import type { LoginChallenge } from '@common/schemas/two-factor';
import { api, ApiError } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { AnchorLink } from '../../components/links';
import { validateSchema } from '../../lib/forms';
import { AuthLayout, useEnterApp } from './AuthLayout';
import { CredentialFields } from './CredentialFields';
import { SecondFactorForm } from './SecondFactorForm';
import { setupQuery } from './session';

const route = getRouteApi('/sign-in');

export function SignInPage() {
  const { t } = useTranslation();
  const { next } = route.useSearch();
  const navigate = useNavigate();
  const enterApp = useEnterApp();
  const setup = useQuery(setupQuery);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The password was right and a second factor is needed (two-factor sign-in is on).
  const [secondStep, setSecondStep] = useState(false);

  useEffect(() => {
    if (setup.data?.needed) void navigate({ to: '/setup' });
  }, [setup.data, navigate]);

  const form = useForm<Login>({
    initialValues: { email: '', password: '' },
    validate: validateSchema(LoginSchema),
  });

  const submit = async (values: Login) => {
    setBusy(true);
    setFailure(null);
    try {
      const answer = await api.post<Me | LoginChallenge>('/auth/login', values);
      if ('secondFactorRequired' in answer) setSecondStep(true);
      else enterApp(answer, next);
    } catch (e) {
      setFailure(e instanceof ApiError && e.status === 401 ? t('signIn.wrongCredentials') : describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  if (secondStep) {
    return (
      <AuthLayout title={t('signIn.secondStepTitle')}>
        <SecondFactorForm
          onSignedIn={(me) => enterApp(me, next)}
          onStartOver={() => {
            form.setFieldValue('password', '');
            setSecondStep(false);
          }}
        />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('signIn.title')} intro={t('signIn.intro')}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          {failure && (
            <Alert color="red" role="alert" title={t('signIn.failed')}>
              {failure}
            </Alert>
          )}
          <CredentialFields email={form.getInputProps('email')} password={form.getInputProps('password')} />
          <Button type="submit" loading={busy}>
            {t('signIn.submit')}
          </Button>
          <AnchorLink to="/forgot-password" size="sm">
            {t('signIn.forgot')}
          </AnchorLink>
        </Stack>
      </form>
    </AuthLayout>
  );
}
