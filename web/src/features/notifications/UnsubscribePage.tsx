/**
 * The page of the unsubscribe link in a notification email, with no sign-in. Opening it only
 * checks the link (mail scanners open links, some run their scripts); the contact unsubscribes
 * with one press, and the page says so in the contact's language. Mail programs that offer their
 * own "Unsubscribe" use the RFC 8058 POST directly. The token travels in the fragment, which the
 * browser never sends to the server.
 */
import { useEffect } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Unsubscribed } from '@common/schemas/notification';
import { api, ApiError } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { ButtonLink } from '../../components/links';
import { PageLoader } from '../../components/RouteStates';
import { applyLanguage, translateMessage } from '../../i18n';
import { AuthLayout } from '../auth/AuthLayout';
import { LinkCheckFailed, useLinkToken } from '../auth/EmailedLink';

export function UnsubscribePage() {
  const { t } = useTranslation();
  const token = useLinkToken();
  const path = `/notifications/unsubscribe/${encodeURIComponent(token)}`;
  const target = useQuery({
    queryKey: ['unsubscribe', token],
    queryFn: () => api.get<Unsubscribed>(path),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
  });
  // Unsubscribing twice changes nothing, so a second press is harmless.
  const unsubscribe = useMutation({ mutationFn: () => api.post<Unsubscribed>(path) });
  const language = target.data?.language;
  useEffect(() => {
    if (language) void applyLanguage(language);
  }, [language]);

  const refused = [target.error, unsubscribe.error].some((e) => e instanceof ApiError && e.status < 500);
  if (!token || refused) {
    return (
      <AuthLayout title={t('clientNotifications.unsubscribe.problemTitle')}>
        <Alert color="orange" role="alert" data-testid="unsubscribe-problem">
          {token ? translateMessage('notification.unsubscribe_unknown') : t('clientNotifications.unsubscribe.noToken')}
        </Alert>
      </AuthLayout>
    );
  }
  if (target.isPending) {
    return (
      <AuthLayout title={t('clientNotifications.unsubscribe.checking')}>
        <PageLoader />
      </AuthLayout>
    );
  }
  if (target.isError) return <LinkCheckFailed error={target.error} retry={() => void target.refetch()} />;
  const choose = (
    <ButtonLink to="/portal/notifications" variant="default" w="fit-content">
      {t('clientNotifications.unsubscribe.choose')}
    </ButtonLink>
  );
  if (unsubscribe.isSuccess) {
    return (
      <AuthLayout title={t('clientNotifications.unsubscribe.title')}>
        <Stack data-testid="unsubscribed">
          <Text>{t('clientNotifications.unsubscribe.body', { name: target.data.firstName })}</Text>
          {choose}
        </Stack>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t('clientNotifications.unsubscribe.confirmTitle')}>
      <Stack>
        <Text>{t('clientNotifications.unsubscribe.confirmBody', { name: target.data.firstName })}</Text>
        {unsubscribe.isError && (
          <Alert color="red" role="alert">
            {describeError(unsubscribe.error, t)}
          </Alert>
        )}
        <Group>
          <Button onClick={() => unsubscribe.mutate()} loading={unsubscribe.isPending}>
            {t('clientNotifications.unsubscribe.confirm')}
          </Button>
          {choose}
        </Group>
      </Stack>
    </AuthLayout>
  );
}
