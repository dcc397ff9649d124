/** The staff member's bell (their notices) and their notification choices. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InboxPage, StaffNotificationPreferences, StaffNotificationPreferencesUpdate } from '@common/schemas/inbox';
import { api } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { notify } from '../../lib/notify';
import { useMe } from '../auth/session';

/** Notices shown in the bell's list; the rest wait behind "mark all read". */
const SHOWN = 20;
/** How often the bell asks for news while the app is open. */
const POLL_MS = 60_000;

/** The notices are worded by the server in the language saved on the profile: once a change is saved, the bell asks again. */
export const inboxQuery = (language: string) =>
  queryOptions({
    queryKey: ['inbox', language],
    queryFn: ({ signal }) => api.get<InboxPage>('/inbox', { limit: SHOWN }, signal),
    refetchInterval: POLL_MS,
  });

export function useInbox() {
  return useQuery(inboxQuery(useMe().user.language));
}

/** One notice read (when it is opened), or all of them (`'all'`); the bell reloads. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(id === 'all' ? '/inbox/read-all' : `/inbox/${encodeURIComponent(id)}/read`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inbox'] }),
  });
}

const PREFERENCES_PATH = '/auth/me/notification-preferences';

export const inboxPreferencesQuery = queryOptions({
  queryKey: ['inbox-preferences'],
  queryFn: () => api.get<StaffNotificationPreferences>(PREFERENCES_PATH),
});

/** Saves one change; the saved choices replace the cached ones, and the bell follows them. */
export function useUpdateInboxPreferences() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: StaffNotificationPreferencesUpdate) => api.patch<StaffNotificationPreferences>(PREFERENCES_PATH, change),
    onSuccess: (saved) => {
      queryClient.setQueryData(inboxPreferencesQuery.queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
      notify({ color: 'green', message: t('inbox.settings.saved') });
    },
    onError: (e) => notify({ color: 'red', title: t('inbox.settings.saveFailed'), message: describeError(e, t) }),
  });
}
