/** Webhooks (admins): subscriptions, their secrets shown once, the delivery log, tests, redelivery and allowed private hosts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Webhook, WebhookCreate, WebhookDelivery, WebhookSettings, WebhookWithSecret } from '@common/schemas/webhook';
import { api } from '../../api/client';
import { useCursorList } from '../../api/use-cursor-list';

export const webhooksQuery = queryOptions({
  queryKey: ['webhooks'],
  queryFn: async () => (await api.get<{ items: Webhook[] }>('/webhooks')).items,
});

function useWebhookMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => queryClient.invalidateQueries({ queryKey: ['webhooks'] }) });
}

export const useCreateWebhook = () => useWebhookMutation((body: WebhookCreate) => api.post<WebhookWithSecret>('/webhooks', body));

/** Changes a webhook against the version shown (a stale change answers 412 instead of overwriting). */
export const useUpdateWebhook = () =>
  useWebhookMutation(({ webhook, body }: { webhook: Webhook; body: Partial<WebhookCreate> }) =>
    api.patch<Webhook>(`/webhooks/${webhook.id}`, body, webhook.version),
  );

export const useDeleteWebhook = () => useWebhookMutation((webhook: Webhook) => api.delete(`/webhooks/${webhook.id}`));

export const useRotateSecret = () =>
  useWebhookMutation((webhook: Webhook) => api.post<WebhookWithSecret>(`/webhooks/${webhook.id}/rotate-secret`));

export const useSendTest = () => useWebhookMutation((webhook: Webhook) => api.post<WebhookDelivery>(`/webhooks/${webhook.id}/test`));

export const useRedeliver = () =>
  useWebhookMutation((delivery: WebhookDelivery) => api.post<WebhookDelivery>(`/webhooks/deliveries/${delivery.id}/redeliver`));

/** A webhook's deliveries, newest first, refreshed after a test or a redelivery. */
export const useDeliveries = (webhookId: string) =>
  useCursorList<WebhookDelivery>(['webhooks', webhookId, 'deliveries'], `/webhooks/${webhookId}/deliveries`);

export const webhookSettingsQuery = queryOptions({
  queryKey: ['settings', 'webhooks'],
  queryFn: () => api.get<WebhookSettings>('/settings/webhooks'),
});

export function useSaveWebhookSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookSettings) => api.patch<WebhookSettings>('/settings/webhooks', body),
    onSuccess: (saved) => queryClient.setQueryData(webhookSettingsQuery.queryKey, saved),
  });
}
