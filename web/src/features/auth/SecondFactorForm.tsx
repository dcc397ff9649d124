/** The second sign-in step: the code from the authenticator app, or a recovery code. */
import { useState } from 'react';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Me } from '@common/schemas/auth';
import { RecoveryCodeLoginSchema, TotpLoginSchema } from '@common/schemas/two-factor';
import { api } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { validateSchema } from '../../lib/forms';

interface Props {
  onSignedIn: (me: Me) => void;
  /** Back to email and password (another account, or the pending sign-in expired). */
  onStartOver: () => void;
}

type Method = 'totp' | 'recovery-code';

export function SecondFactorForm({ onSignedIn, onStartOver }: Props) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<Method>('totp');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { code: '' },
    validate: (values) => validateSchema(method === 'totp' ? TotpLoginSchema : RecoveryCodeLoginSchema)(values),
  });

  const submit = async ({ code }: { code: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      onSignedIn(await api.post<Me>(`/auth/login/${method}`, { code }));
    } catch (e) {
      setFailure(describeError(e, t));
      form.setFieldValue('code', '');
    } finally {
      setBusy(false);
    }
  };

  const switchTo = (next: Method) => {
    setMethod(next);
    setFailure(null);
    form.reset();
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <Text size="sm">{method === 'totp' ? t('signIn.secondStepIntro') : t('signIn.recoveryIntro')}</Text>
        {failure && (
          <Alert color="red" role="alert" title={t('signIn.codeFailed')}>
            {failure}
          </Alert>
        )}
        {method === 'totp' ? (
          <TextInput
            key="totp"
            label={t('signIn.code')}
            // Lets phones and password managers offer the code.
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            required
            autoFocus
            {...form.getInputProps('code')}
          />
        ) : (
          <TextInput
            key="recovery"
            label={t('signIn.recoveryCode')}
            autoComplete="off"
            spellCheck={false}
            required
            {...form.getInputProps('code')}
          />
        )}
        <Button type="submit" loading={busy}>
          {t('signIn.verify')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={() => switchTo(method === 'totp' ? 'recovery-code' : 'totp')}>
          {method === 'totp' ? t('signIn.useRecoveryCode') : t('signIn.useApp')}
        </Anchor>
        <Anchor component="button" type="button" size="sm" onClick={onStartOver}>
          {t('signIn.startOver')}
        </Anchor>
      </Stack>
    </form>
  );
}
