/** Personal-data requests: the export links, the erasure, and how long interactions are kept. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountRetention, AccountRetentionUpdate, ContactErased, PrivacySettings } from '@common/schemas/privacy';
import { api, buildUrl } from '../../api/client';

/** The zip of everything held about the contact; the browser sends the session cookie with it. */
export const contactPersonalDataUrl = (contactId: string) => buildUrl(`/contacts/${contactId}/personal-data`);

/** The zip of what a client (portal) user wrote, signed and did. */
export const userPersonalDataUrl = (userId: string) => buildUrl(`/users/${userId}/personal-data`);

export function useEraseContact(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirm: string) => api.post<ContactErased>(`/contacts/${contactId}/erase`, { confirm }),
    // The name, the timeline and lists naming them all change.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export const privacySettingsQuery = queryOptions({
  queryKey: ['settings', 'privacy'],
  queryFn: () => api.get<PrivacySettings>('/settings/privacy'),
});

export function useSavePrivacySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PrivacySettings) => api.put<PrivacySettings>('/settings/privacy', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(privacySettingsQuery.queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['retention'] });
    },
  });
}

export const accountRetentionQuery = (accountId: string) =>
  queryOptions({
    queryKey: ['retention', accountId],
    queryFn: () => api.get<AccountRetention>(`/accounts/${accountId}/retention`),
  });

export function useSaveAccountRetention(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AccountRetentionUpdate) => api.put<AccountRetention>(`/accounts/${accountId}/retention`, body),
    onSuccess: (saved) => queryClient.setQueryData(accountRetentionQuery(accountId).queryKey, saved),
  });
}
