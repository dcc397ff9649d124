/** Email and password fields, for signing in or choosing a first password. */
import { TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { NewPasswordField } from '../../components/NewPasswordField';
import { PasswordField } from '../../components/PasswordField';

interface Props {
  email: GetInputPropsReturnType;
  password: GetInputPropsReturnType;
  /** A password being chosen (checked as it is typed, against this name), not one typed from memory. */
  newPasswordFor?: { name: string };
}

export function CredentialFields({ email, password, newPasswordFor }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput label={t('fields.email')} type="email" autoComplete="username" required {...email} />
      {newPasswordFor ? (
        <NewPasswordField input={password} owner={{ email: String(email.value ?? ''), name: newPasswordFor.name }} />
      ) : (
        // Tells password managers to fill a saved password.
        <PasswordField label={t('fields.password')} autoComplete="current-password" required {...password} />
      )}
    </>
  );
}
