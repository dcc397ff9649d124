/** The timeline of an account and the interactions logged on it. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TimelineCategory } from '@common/enums';
import type { Interaction, InteractionCreate } from '@common/schemas/interaction';
import type { TimelineEntry } from '@common/schemas/timeline';
import { api } from '../../api/client';
import { useCursorList } from '../../api/use-cursor-list';

/** Interactions and system events, newest first; only one kind of entry when `kind` is given (the server filters, so pages stay full). */
export const useTimeline = (accountId: string, kind?: TimelineCategory) =>
  useCursorList<TimelineEntry>(['timeline', accountId], `/accounts/${accountId}/timeline`, { limit: 30, kinds: kind });

/** A contact's interactions, newest first. */
export const useContactInteractions = (contactId: string) =>
  useCursorList<Interaction>(['interactions', 'contact', contactId], '/interactions', { contactId, limit: 30 });

export function useLogInteraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InteractionCreate) => api.post<Interaction>('/interactions', body),
    onSuccess: (interaction) => {
      void queryClient.invalidateQueries({ queryKey: ['timeline', interaction.accountId] });
      void queryClient.invalidateQueries({ queryKey: ['interactions'] });
      void queryClient.invalidateQueries({ queryKey: ['next-steps'] });
      // A meeting may have opened or advanced a deal.
      if (interaction.dealId) void queryClient.invalidateQueries({ queryKey: ['deals'] });
    },
  });
}
