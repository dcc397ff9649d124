/**
 * The page of the unsubscribe link in a notification email: opening it unsubscribes (the click
 * in the email is the one click), with no sign-in, and says so in the contact's language. The
 * token travels in the fragment, which the browser never sends to the server.
 */
import { useEffect } from 'react';
import { Alert, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Unsubscribed } from '@common/schemas/notification';
import { api, ApiError } from '../../api/client';
import { ButtonLink } from '../../components/links';
import { PageLoader } from '../../components/RouteStates';
import { applyLanguage, translateMessage } from '../../i18n';
import { AuthLayout } from '../auth/AuthLayout';
import { LinkCheckFailed, useLinkToken } from '../auth/EmailedLink';

export function UnsubscribePage() {
  const { t } = useTranslation();
  const token = useLinkToken();
  const done = useQuery({
    queryKey: ['unsubscribe', token],
    // Unsubscribing twice changes nothing, so the page may repeat it safely.
    queryFn: () => api.post<Unsubscribed>(`/notifications/unsubscribe/${encodeURIComponent(token)}`),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
  });
  const language = done.data?.language;
  useEffect(() => {
    if (language) void applyLanguage(language);
  }, [language]);

  if (!token || (done.error instanceof ApiError && done.error.status < 500)) {
    return (
      <AuthLayout title={t('clientNotifications.unsubscribe.problemTitle')}>
        <Alert color="orange" role="alert" data-testid="unsubscribe-problem">
          {token ? translateMessage('notification.unsubscribe_unknown') : t('clientNotifications.unsubscribe.noToken')}
        </Alert>
      </AuthLayout>
    );
  }
  if (done.isPending) {
    return (
      <AuthLayout title={t('clientNotifications.unsubscribe.checking')}>
        <PageLoader />
      </AuthLayout>
    );
  }
  if (done.isError) return <LinkCheckFailed error={done.error} retry={() => void done.refetch()} />;
  return (
    <AuthLayout title={t('clientNotifications.unsubscribe.title')}>
      <Stack data-testid="unsubscribed">
        <Text>{t('clientNotifications.unsubscribe.body', { name: done.data.firstName })}</Text>
        <ButtonLink to="/portal/notifications" variant="default" w="fit-content">
          {t('clientNotifications.unsubscribe.choose')}
        </ButtonLink>
      </Stack>
    </AuthLayout>
  );
}
