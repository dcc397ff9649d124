/**
 * The switches of a contact's notification choices, one per kind, each saved as it is turned.
 * Shown to the client in the portal and to staff on the contact (read-only unless they manage it).
 */
import { Alert, Fieldset, Stack, Switch, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CLIENT_NOTIFICATION_KINDS } from '@common/schemas/notification';
import { describeError } from '../../components/describe-error';
import { PageLoader } from '../../components/RouteStates';
import { preferencesQuery, useSetKind } from './api';

interface Props {
  /** null: the signed-in client's own choices. */
  contactId: string | null;
  legend: string;
  canChange: boolean;
}

export function NotificationChoices({ contactId, legend, canChange }: Props) {
  const { t } = useTranslation();
  const query = useQuery(preferencesQuery(contactId));
  const setKind = useSetKind(contactId);
  if (query.isPending) return <PageLoader />;
  if (query.isError)
    return (
      <Alert color="red" role="alert" title={t('errors.loadFailed')}>
        {describeError(query.error, t)}
      </Alert>
    );
  const prefs = query.data;
  return (
    <Stack gap="sm" data-testid="notification-choices">
      {!prefs.reachable && (
        <Text size="sm" c="dimmed">
          {t('clientNotifications.unreachable')}
        </Text>
      )}
      <Fieldset legend={legend} disabled={!canChange}>
        <Stack gap="sm">
          {CLIENT_NOTIFICATION_KINDS.map((kind) => (
            <Switch
              key={kind}
              label={t(`clientNotifications.kinds.${kind}`)}
              checked={prefs.kinds[kind]}
              disabled={!canChange || setKind.isPending}
              onChange={(e) => setKind.mutate({ kind, on: e.currentTarget.checked })}
              data-testid={`notify-${kind}`}
            />
          ))}
        </Stack>
      </Fieldset>
      {!canChange && (
        <Text size="sm" c="dimmed">
          {t('clientNotifications.readOnly')}
        </Text>
      )}
    </Stack>
  );
}
