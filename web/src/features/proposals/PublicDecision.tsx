/** The client's answer (on the link's page, or in the portal): Accept (their name, if they give it) or Decline (with a reason, required). */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublicProposal } from '@common/schemas/proposal';
import { ApiError } from '../../api/client';
import { describeError } from '../../components/describe-error';

interface Props {
  /** Sends the answer (through the link, or in the portal) and resolves with the proposal as it now is. */
  accept: (name: string | null) => Promise<PublicProposal>;
  decline: (reason: string) => Promise<PublicProposal>;
  onDecided: (proposal: PublicProposal) => void;
  /** Someone decided meanwhile, or the proposal expired: the page reads the link again. */
  onStale: () => void;
}

export function PublicDecision({ accept, decline, onDecided, onStale }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [busy, setBusy] = useState<'accept' | 'decline' | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Unique per answer: the portal shows several proposals on one page.
  const id = useId();

  const decide = async (kind: 'accept' | 'decline') => {
    if (kind === 'decline' && !reason.trim()) return setReasonMissing(true);
    setBusy(kind);
    setError(null);
    try {
      onDecided(kind === 'accept' ? await accept(name.trim() || null) : await decline(reason.trim()));
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && (e.status === 409 || e.status === 410)) onStale();
    } finally {
      setBusy(null);
    }
  };
  const form = (kind: 'accept' | 'decline', children: ReactNode) => (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="form"
      aria-labelledby={`${id}-${kind}`}
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void decide(kind);
      }}
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id={`${id}-${kind}`}>
          {t(`proposals.public.${kind}Title`)}
        </Title>
        {children}
      </Stack>
    </Paper>
  );

  return (
    <Stack>
      {error !== null && (
        <Alert color="red" role="alert" title={t('proposals.public.notRecorded')}>
          {describeError(error, t)}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {form(
          'accept',
          <>
            <TextInput
              label={t('proposals.public.yourName')}
              value={name}
              maxLength={200}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" loading={busy === 'accept'} disabled={busy !== null} data-testid="proposal-accept">
                {t('proposals.public.accept')}
              </Button>
            </Group>
          </>,
        )}
        {form(
          'decline',
          <>
            <Textarea
              label={t('proposals.public.reason')}
              required
              rows={3}
              maxLength={2000}
              value={reason}
              error={reasonMissing ? t('proposals.public.reasonRequired') : undefined}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setReasonMissing(false);
              }}
            />
            <Group>
              <Button
                type="submit"
                color="red"
                variant="outline"
                loading={busy === 'decline'}
                disabled={busy !== null}
                data-testid="proposal-decline"
              >
                {t('proposals.public.decline')}
              </Button>
            </Group>
          </>,
        )}
      </SimpleGrid>
    </Stack>
  );
}
