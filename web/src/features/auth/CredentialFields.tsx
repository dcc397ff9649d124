/** Email and password fields, for signing in or choosing a first password. */
import { TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/PasswordField';

interface Props {
  email: GetInputPropsReturnType;
  password: GetInputPropsReturnType;
  /** A password being chosen (with the rules shown), not one being typed from memory. */
  newPassword?: boolean;
}

export function CredentialFields({ email, password, newPassword = false }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput label={t('fields.email')} type="email" autoComplete="username" required {...email} />
      <PasswordField
        label={t('fields.password')}
        description={newPassword ? t('setup.passwordHint') : undefined}
        // Tells password managers whether to fill a saved password or offer a new one.
        autoComplete={newPassword ? 'new-password' : 'current-password'}
        required
        {...password}
      />
    </>
  );
}
