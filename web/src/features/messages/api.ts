/** The requests thread of a client company: reading it page by page, and writing to it. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Message, MessageCreate } from '@common/schemas/message';
import { api } from '../../api/client';
import { useCursorList } from '../../api/use-cursor-list';

/** Which thread: a client user's own company (no account named) or the account staff open; optionally one project's part. */
export interface ThreadOf {
  accountId?: string;
  projectId?: string;
}

/** Newest first, as the API serves it. */
export const useThread = ({ accountId, projectId }: ThreadOf) =>
  useCursorList<Message>(['messages', accountId ?? 'own'], '/messages', { accountId, projectId, limit: 30 });

export function useSendMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MessageCreate) => api.post<Message>('/messages', input),
    onSuccess: (message, input) => {
      void queryClient.invalidateQueries({ queryKey: ['messages', input.accountId ?? 'own'] });
      // The message is on the account's timeline too.
      void queryClient.invalidateQueries({ queryKey: ['timeline', message.accountId] });
    },
  });
}
