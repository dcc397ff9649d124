/** A contact's notification choices: the client's own (portal) and a contact's (staff), and saving them. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ClientNotificationKind, NotificationPreferences } from '@common/schemas/notification';
import { api } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { notify } from '../../lib/notify';

/** Where a contact's choices live: the signed-in client's own, or a contact's by id. */
export const preferencesPath = (contactId: string | null) =>
  contactId ? `/contacts/${contactId}/notification-preferences` : '/portal/notification-preferences';

export const preferencesQuery = (contactId: string | null) =>
  queryOptions({
    queryKey: ['notification-preferences', contactId ?? 'mine'],
    queryFn: () => api.get<NotificationPreferences>(preferencesPath(contactId)),
  });

/** Turns one kind on or off; the saved choices replace the cached ones. */
export function useSetKind(contactId: string | null) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, on }: { kind: ClientNotificationKind; on: boolean }) =>
      api.patch<NotificationPreferences>(preferencesPath(contactId), { kinds: { [kind]: on } }),
    onSuccess: (saved) => {
      queryClient.setQueryData(preferencesQuery(contactId).queryKey, saved);
      notify({ color: 'green', message: t('clientNotifications.saved') });
    },
    onError: (e) => notify({ color: 'red', title: t('clientNotifications.saveFailed'), message: describeError(e, t) }),
  });
}
