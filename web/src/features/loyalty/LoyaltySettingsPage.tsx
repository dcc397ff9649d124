/** Settings → Loyalty tiers (admins): the tiers, the evaluation run on demand, and the referral reward. */
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { EvaluateSection } from './EvaluateSection';
import { ReferralRewardSection } from './ReferralRewardSection';
import { TiersSection } from './TiersSection';

export function LoyaltySettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('loyalty.settingsTitle')} />
      <Stack gap="lg">
        <TiersSection />
        <EvaluateSection />
        <ReferralRewardSection />
      </Stack>
    </>
  );
}
