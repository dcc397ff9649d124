/**
 * Sign in with email and password; sends first-time installs to the setup page. The first page
 * most visits open, so it loads the least it can: the shared schemas and the validation library
 * (a chunk of 40 KB) and the second-factor step download while the person types.
 */
import { Suspense, useEffect, useState } from 'react';
import { Alert, Button, Stack } from '@mantine/core';
import { InlineLoader } from '../../components/RouteStates';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Login, Me } from '@common/schemas/auth';
import type { LoginChallenge } from '@common/schemas/two-factor';
import { api, ApiError } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { lazyNamed } from '../../lib/lazy-named';
import { AnchorLink } from '../../components/links';
import { AuthLayout, useEnterApp } from './AuthLayout';
import { CredentialFields } from './CredentialFields';
import { setupQuery } from './session';

const SecondFactorForm = lazyNamed(() => import('./SecondFactorForm'), 'SecondFactorForm');
/** The check of the login form against the shared schema, as every form checks its values. */
const loadLoginCheck = () =>
  Promise.all([import('@common/schemas/auth'), import('../../lib/forms')]).then(([schemas, forms]) =>
    forms.validateSchema<Login>(schemas.LoginSchema),
  );
const loadLater = () => {
  void loadLoginCheck();
  SecondFactorForm.preload();
};

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

  // After the page has shown, without holding up what shows it.
  useEffect(() => {
    const idle = window.requestIdleCallback?.(loadLater, { timeout: 2000 }) ?? window.setTimeout(loadLater, 500);
    return () => (window.cancelIdleCallback ? window.cancelIdleCallback(idle) : window.clearTimeout(idle));
  }, []);

  const form = useForm<Login>({ initialValues: { email: '', password: '' } });

  const submit = async (values: Login) => {
    setBusy(true);
    setFailure(null);
    try {
      const errors = (await loadLoginCheck())(values);
      if (Object.keys(errors).length > 0) {
        form.setErrors(errors);
        return;
      }
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
        <Suspense fallback={<InlineLoader />}>
          <SecondFactorForm
            onSignedIn={(me) => enterApp(me, next)}
            onStartOver={() => {
              form.setFieldValue('password', '');
              setSecondStep(false);
            }}
          />
        </Suspense>
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
