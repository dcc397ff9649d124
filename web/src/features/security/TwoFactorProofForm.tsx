/** Confirms a change to two-factor sign-in with a current code from the app or the password. */
import { Anchor, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { LoginSchema } from '@common/schemas/auth';
import { TotpLoginSchema, type TwoFactorProof } from '@common/schemas/two-factor';
import { FormAlerts } from '../../components/FormAlerts';
import { InlineActions } from '../../components/InlineActions';
import { PasswordField } from '../../components/PasswordField';
import { validateSchema } from '../../lib/forms';
import { useSubmit } from '../../lib/use-submit';

interface Props {
  intro: string;
  submitLabel: string;
  submitColor?: string;
  onSubmit: (proof: TwoFactorProof) => Promise<unknown>;
  onCancel: () => void;
}

interface Values {
  method: 'code' | 'password';
  code: string;
  password: string;
}

const PasswordOnly = LoginSchema.pick({ password: true });

export function TwoFactorProofForm({ intro, submitLabel, submitColor, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: { method: 'code', code: '', password: '' },
    validate: (v) =>
      v.method === 'code' ? validateSchema(TotpLoginSchema)({ code: v.code }) : validateSchema(PasswordOnly)({ password: v.password }),
  });
  const withPassword = form.values.method === 'password';
  const [submit, state] = useSubmit(form, (v: Values) => onSubmit(v.method === 'code' ? { code: v.code } : { password: v.password }));

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="sm" maw={420}>
        <Text size="sm">{intro}</Text>
        <FormAlerts state={state} />
        {withPassword ? (
          <PasswordField label={t('fields.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
        ) : (
          <TextInput
            label={t('security.currentCode')}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            required
            {...form.getInputProps('code')}
          />
        )}
        <Anchor
          component="button"
          type="button"
          size="sm"
          ta="left"
          onClick={() => {
            form.setFieldValue('method', withPassword ? 'code' : 'password');
            form.clearErrors();
          }}
        >
          {withPassword ? t('security.useCode') : t('security.usePassword')}
        </Anchor>
        <InlineActions submitting={state.submitting} submitLabel={submitLabel} submitColor={submitColor} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
