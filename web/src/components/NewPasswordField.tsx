/** A password being chosen: says why it would be refused while it is typed. */
import type { GetInputPropsReturnType } from '@mantine/form';
import type { FocusEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordOwner } from '@common/password-rules';
import { loadPasswordRules, usePasswordProblem } from '../features/auth/password-check';
import { PasswordField } from './PasswordField';

interface Props {
  /** A form field's props; the two read here typed (Mantine leaves them `any`). */
  input: Omit<GetInputPropsReturnType, 'error' | 'onFocus'> & { error?: ReactNode; onFocus?: FocusEventHandler<HTMLInputElement> };
  /** The email and name it must not contain. */
  owner: PasswordOwner;
  label?: string;
}

export function NewPasswordField({ input, owner, label }: Props) {
  const { t } = useTranslation();
  const problem = usePasswordProblem(String(input.value ?? ''), owner);
  return (
    <PasswordField
      label={label ?? t('fields.password')}
      description={t('setup.passwordHint')}
      autoComplete="new-password"
      required
      {...input}
      error={input.error ?? problem}
      onFocus={(e) => {
        void loadPasswordRules().catch(() => undefined);
        input.onFocus?.(e);
      }}
    />
  );
}
