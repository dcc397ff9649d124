/** The user's own two-factor sign-in: its state, setting it up, new recovery codes, turning it off. */
import { notify } from '../../lib/notify';
import { useState } from 'react';
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TwoFactorEnrolment as Enrolment, TwoFactorStatus } from '@common/schemas/two-factor';
import { FormAlerts } from '../../components/FormAlerts';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';
import { TwoFactorEnrolment } from './TwoFactorEnrolment';
import { TwoFactorProofForm } from './TwoFactorProofForm';
import { twoFactorQuery, useDisableTwoFactor, useRegenerateCodes, useStartEnrolment } from './api';

type Step =
  | { kind: 'idle' }
  | { kind: 'enrolling'; enrolment: Enrolment }
  | { kind: 'codes'; codes: string[] }
  | { kind: 'regenerate' }
  | { kind: 'disable' };

function StatusLine({ status }: { status: TwoFactorStatus }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Group gap="sm" data-testid="two-factor-status">
      <Text size="sm" fw={500}>
        {t('security.state')}:
      </Text>
      <Badge color={status.enabled ? 'green' : 'gray'}>{status.enabled ? t('security.on') : t('security.off')}</Badge>
      {status.enabled && status.enabledAt && (
        <Text size="sm">{t('security.onSince', { date: formatDateTime(status.enabledAt, locale) })}</Text>
      )}
      {status.enabled && <Text size="sm">{t('security.codesLeft', { count: status.recoveryCodesLeft })}</Text>}
    </Group>
  );
}

export function TwoFactorSection() {
  const { t } = useTranslation();
  const query = useQuery(twoFactorQuery);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const start = useStartEnrolment();
  const regenerate = useRegenerateCodes();
  const disable = useDisableTwoFactor();
  const idle = () => setStep({ kind: 'idle' });

  return (
    <Section title={t('security.twoFactor')}>
      <RecordGate query={query}>
        {(status) => (
          <Stack gap="md">
            <Text size="sm">{t('security.about')}</Text>
            <StatusLine status={status} />
            {step.kind === 'codes' && <RecoveryCodesPanel codes={step.codes} onDone={idle} />}
            {step.kind === 'enrolling' && (
              <TwoFactorEnrolment enrolment={step.enrolment} onCancel={idle} onConfirmed={(codes) => setStep({ kind: 'codes', codes })} />
            )}
            {step.kind === 'regenerate' && (
              <TwoFactorProofForm
                intro={t('security.regenerateIntro')}
                submitLabel={t('security.regenerate')}
                onCancel={idle}
                onSubmit={async (proof) => setStep({ kind: 'codes', codes: (await regenerate.mutateAsync(proof)).recoveryCodes })}
              />
            )}
            {step.kind === 'disable' && (
              <TwoFactorProofForm
                intro={t('security.turnOffIntro')}
                submitLabel={t('security.turnOff')}
                submitColor="red"
                onCancel={idle}
                onSubmit={async (proof) => {
                  await disable.mutateAsync(proof);
                  notify({ message: t('security.turnedOff'), closeButtonProps: { 'aria-label': t('common.close') } });
                  idle();
                }}
              />
            )}
            {step.kind === 'idle' && !status.enabled && (
              <>
                <FormAlerts state={{ conflict: false, error: start.error, clearConflict: () => undefined }} />
                <Group>
                  <Button
                    loading={start.isPending}
                    onClick={() => start.mutate(undefined, { onSuccess: (enrolment) => setStep({ kind: 'enrolling', enrolment }) })}
                  >
                    {t('security.setUp')}
                  </Button>
                </Group>
              </>
            )}
            {step.kind === 'idle' && status.enabled && (
              <Stack gap="xs">
                {status.required && <Text size="sm">{t('security.requiredForRole')}</Text>}
                <Group>
                  <Button variant="default" onClick={() => setStep({ kind: 'regenerate' })}>
                    {t('security.regenerate')}
                  </Button>
                  {!status.required && (
                    <Button variant="default" onClick={() => setStep({ kind: 'disable' })}>
                      {t('security.turnOff')}
                    </Button>
                  )}
                </Group>
              </Stack>
            )}
          </Stack>
        )}
      </RecordGate>
    </Section>
  );
}
