/** Setting up two-factor sign-in: scan the QR code (or type the key), confirm with the first code. */
import { Button, Code, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { TwoFactorConfirmSchema, type TwoFactorEnrolment as Enrolment } from '@common/schemas/two-factor';
import { FormAlerts } from '../../components/FormAlerts';
import { validateSchema } from '../../lib/forms';
import { useSubmit } from '../../lib/use-submit';
import { useConfirmEnrolment } from './api';

interface Props {
  enrolment: Enrolment;
  onConfirmed: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}

/** The key in groups of four, as authenticator apps show it. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

export function TwoFactorEnrolment({ enrolment, onConfirmed, onCancel }: Props) {
  const { t } = useTranslation();
  const confirm = useConfirmEnrolment();
  const form = useForm({ initialValues: { code: '' }, validate: validateSchema(TwoFactorConfirmSchema) });
  const [submit, state] = useSubmit(form, async ({ code }: { code: string }) => {
    onConfirmed((await confirm.mutateAsync(code)).recoveryCodes);
  });

  return (
    <Stack gap="md" data-testid="two-factor-enrolment">
      <Text fw={500}>{t('security.scan')}</Text>
      <Image src={enrolment.qrCode} alt={t('security.qrAlt')} w={200} h={200} radius="sm" bg="white" />
      <Text size="sm">{t('security.orType')}</Text>
      <Code block data-testid="two-factor-secret">
        {grouped(enrolment.secret)}
      </Code>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <Text fw={500}>{t('security.enterCode')}</Text>
          <FormAlerts state={state} />
          <TextInput
            label={t('security.codeFromApp')}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            required
            maw={240}
            {...form.getInputProps('code')}
          />
          <Group>
            <Button type="submit" loading={state.submitting}>
              {t('security.turnOn')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
