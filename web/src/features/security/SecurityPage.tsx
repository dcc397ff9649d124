/** The user's own page: their photo, their two-factor sign-in and, for admins, the agency's sign-in policy. */
import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { mustEnrolTwoFactor, useMe } from '../auth/session';
import { CalendarFeedSection } from '../calendar-feeds/CalendarFeedSection';
import { UserPhotoEditor } from '../users/UserPhoto';
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
      {!mustEnrolTwoFactor(me) && (
        <Section title={t('people.photo.title')}>
          <UserPhotoEditor user={me.user} own />
        </Section>
      )}
      {me.user.role !== 'client' && !mustEnrolTwoFactor(me) && (
        <CalendarFeedSection path="/me/calendar" intro={t('calendarFeed.personalIntro')} />
      )}
      {me.can.manageSettings && !mustEnrolTwoFactor(me) && <SecurityPolicySection />}
    </Stack>
  );
}
