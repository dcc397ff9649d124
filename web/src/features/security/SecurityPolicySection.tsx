/** Admins: whether administrators and finance must use two-factor sign-in. */
import { notify } from '../../lib/notify';
import { Alert, Stack, Switch } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../components/describe-error';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { securitySettingsQuery, useUpdateSecuritySettings } from './api';

export function SecurityPolicySection() {
  const { t } = useTranslation();
  const query = useQuery(securitySettingsQuery);
  const update = useUpdateSecuritySettings();

  return (
    <Section title={t('security.policy')}>
      <RecordGate query={query}>
        {(settings) => (
          <Stack gap="sm">
            {update.error && (
              <Alert color="red" role="alert" title={t('errors.saveFailed')}>
                {describeError(update.error, t)}
              </Alert>
            )}
            <Switch
              label={t('security.requireTwoFactor')}
              description={t('security.requireTwoFactorHint')}
              checked={settings.requireTwoFactor}
              disabled={update.isPending}
              onChange={(e) =>
                update.mutate(
                  { requireTwoFactor: e.currentTarget.checked },
                  {
                    onSuccess: () =>
                      notify({
                        color: 'green',
                        message: t('security.policySaved'),
                        closeButtonProps: { 'aria-label': t('common.close') },
                      }),
                  },
                )
              }
            />
          </Stack>
        )}
      </RecordGate>
    </Section>
  );
}
