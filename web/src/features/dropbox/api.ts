/** The email dropbox: the BCC addresses and the unmatched inbox. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { DropboxAddress, InboundEmail } from '@common/schemas/dropbox';
import { api, buildUrl } from '../../api/client';
import { useCursorList } from '../../api/use-cursor-list';

// An address never changes once made: no need to ask again while the app is open.
export const myDropboxQuery = queryOptions({
  queryKey: ['dropbox', 'mine'],
  queryFn: () => api.get<DropboxAddress>('/me/dropbox'),
  staleTime: Infinity,
});

export const accountDropboxQuery = (accountId: string) =>
  queryOptions({
    queryKey: ['dropbox', 'account', accountId],
    queryFn: () => api.get<DropboxAddress>(`/accounts/${encodeURIComponent(accountId)}/dropbox`),
    staleTime: Infinity,
  });

/** The message an email interaction was logged from (404 when it was typed in by hand). */
export const receivedEmailQuery = (interactionId: string) =>
  queryOptions({
    queryKey: ['dropbox', 'interaction', interactionId],
    queryFn: () => api.get<InboundEmail>(`/interactions/${encodeURIComponent(interactionId)}/email`),
    retry: false,
  });

export const useUnmatchedMail = () => useCursorList<InboundEmail>(['dropbox', 'unmatched'], '/dropbox/unmatched', { limit: 20 });

/** Where an attachment of a received message downloads from (the browser sends the session). */
export const attachmentUrl = (emailId: string, attachmentId: string) =>
  buildUrl(`/dropbox/emails/${encodeURIComponent(emailId)}/attachments/${encodeURIComponent(attachmentId)}`);

/** Files an unmatched message on an account; the inbox and the account's timeline reload. */
export function useFileUnmatched() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, accountId }: { id: string; accountId: string }) =>
      api.post<InboundEmail>(`/dropbox/unmatched/${encodeURIComponent(id)}/file`, { accountId }),
    onSuccess: (mail) => {
      void queryClient.invalidateQueries({ queryKey: ['dropbox', 'unmatched'] });
      void queryClient.invalidateQueries({ queryKey: ['timeline', mail.accountId] });
      void queryClient.invalidateQueries({ queryKey: ['interactions'] });
    },
  });
}

export function useDiscardUnmatched() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/dropbox/unmatched/${encodeURIComponent(id)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['dropbox', 'unmatched'] }),
  });
}
