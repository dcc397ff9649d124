/** How long the client has kept something waiting, and the one click that reminds them. */
import { Button, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ClientReminder } from '@common/schemas/plan';
import { api } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { notify } from '../../lib/notify';

/** Whole days from a moment to now, in the user's own calendar. */
export function daysSince(iso: string, now = new Date()): number {
  const start = new Date(iso);
  const day = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.max(0, Math.round((day(now) - day(start)) / 86_400_000));
}

export function WaitingFor({ since }: { since: string }) {
  const { t } = useTranslation();
  const days = daysSince(since);
  return (
    <Text size="sm" c={days >= 7 ? 'orange.8' : 'dimmed'} data-testid="client-waiting">
      {t('clientWaiting.waiting', { count: days })}
    </Text>
  );
}

export function RemindClientButton({ projectId, accountId }: { projectId: string; accountId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remind = useMutation({
    mutationFn: () => api.post<ClientReminder>(`/projects/${projectId}/remind-client`),
    onSuccess: (sent) => {
      notify({ color: 'green', message: t('clientWaiting.sent', { to: sent.to.join(', ') }) });
      void queryClient.invalidateQueries({ queryKey: ['timeline', accountId] });
    },
    onError: (e) => notify({ color: 'red', message: describeError(e, t) }),
  });
  return (
    <Button variant="light" size="sm" loading={remind.isPending} onClick={() => remind.mutate()}>
      {t('clientWaiting.remind')}
    </Button>
  );
}
