/** The page a password reset link opens: whose password it sets, the new password, and then the way in. */
import { useState } from 'react';
import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PasswordResetPreview } from '@common/schemas/access-links';
import type { Me } from '@common/schemas/auth';
import { api } from '../../api/client';
import { ButtonLink } from '../../components/links';
import { AuthLayout, useEnterApp } from './AuthLayout';
import { ChoosePasswordForm } from './ChoosePasswordForm';
import { EmailedLink, SignInLink } from './EmailedLink';

function ProblemActions() {
  const { t } = useTranslation();
  return (
    <>
      <ButtonLink to="/forgot-password">{t('resetPassword.askAgain')}</ButtonLink>
      <SignInLink />
    </>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const enterApp = useEnterApp();
  const [done, setDone] = useState(false);

  if (done) {
    return (
      <AuthLayout title={t('resetPassword.doneTitle')}>
        <Stack>
          <Alert color="green" role="status">
            {t('resetPassword.done')}
          </Alert>
          <SignInLink variant="filled" />
        </Stack>
      </AuthLayout>
    );
  }
  return (
    <EmailedLink<PasswordResetPreview> kind="password_reset" previewPath="/auth/password-reset/preview" problemActions={<ProblemActions />}>
      {(preview, token) => (
        <ChoosePasswordForm
          kind="password_reset"
          title={t('resetPassword.title')}
          intro={t('resetPassword.intro', { email: preview.email })}
          owner={preview}
          submitLabel={t('resetPassword.submit')}
          problemActions={<ProblemActions />}
          onChosen={async (password) => {
            const { signedIn } = await api.post<{ signedIn: boolean }>('/auth/password-reset/confirm', { token, password });
            // Chosen from a session of the same user, which goes on: back to work.
            if (signedIn) enterApp(await api.get<Me>('/auth/me'));
            else setDone(true);
          }}
        />
      )}
    </EmailedLink>
  );
}
