/** Sign-in security: the user's own two-factor sign-in and, for admins, the agency's policy. */
import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { mustEnrolTwoFactor, useMe } from '../auth/session';
import { SecurityPolicySection } from './SecurityPolicySection';
import { TwoFactorSection } from './TwoFactorSection';

export function SecurityPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack gap="lg" maw={820}>
      <PageHeader title={t('security.title')} />
      {mustEnrolTwoFactor(me) && (
        <Alert color="orange" title={t('security.requiredTitle')} data-testid="two-factor-required">
          {t('security.requiredBody')}
        </Alert>
      )}
      <TwoFactorSection />
      {me.can.manageSettings && !mustEnrolTwoFactor(me) && <SecurityPolicySection />}
    </Stack>
  );
}
