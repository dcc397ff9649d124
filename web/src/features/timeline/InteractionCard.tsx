/** One logged meeting, call, email or note: what happened, its outcome and the next step. */
import { Suspense, useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Interaction } from '@common/schemas/interaction';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatDateTime } from '../../lib/format';
import { ReceivedEmailButton } from '../dropbox/ReceivedEmailButton';
import { NextStepControls } from '../next-steps/NextStepState';
import { LazyObjectionDialog as ObjectionDialog } from '../objections/LazyObjectionDialog';

/** A meeting: an objection the client raised in it is logged from here, on its deal or on an open deal of the account. */
function MeetingObjection({ interaction }: { interaction: Interaction }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (interaction.type !== 'meeting' || !interaction.can.update) return null;
  return (
    <Group>
      <Button size="compact-xs" variant="subtle" onMouseEnter={ObjectionDialog.preload} onClick={() => setOpen(true)}>
        {t('objections.addFromMeeting')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <ObjectionDialog
            dealId={interaction.dealId ?? undefined}
            accountId={interaction.accountId}
            interactionId={interaction.id}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </Group>
  );
}

export function InteractionCard({ interaction, author }: { interaction: Interaction; author?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Paper withBorder p="sm" radius="md" component="article" data-testid="interaction">
      <Stack gap={6}>
        <Group gap="xs" justify="space-between">
          <Group gap="xs">
            <Badge>{t(`interactionType.${interaction.type}`)}</Badge>
            <Text size="sm" c="dimmed" component="time" dateTime={interaction.occurredAt}>
              {formatDateTime(interaction.occurredAt, locale)}
            </Text>
          </Group>
          {author && (
            <Text size="sm" c="dimmed">
              {author}
            </Text>
          )}
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{interaction.summary}</Text>
        {interaction.outcome && (
          <Text size="sm">
            <strong>{t('fields.outcome')}:</strong> {interaction.outcome}
          </Text>
        )}
        {interaction.nextStep && (
          <Group gap="xs" justify="space-between" wrap="nowrap" data-testid="next-step">
            <Text size="sm">
              <strong>{t('fields.nextStep')}:</strong> {interaction.nextStep}
              {interaction.nextStepDue && ` — ${t('timeline.due', { date: formatCalendarDate(interaction.nextStepDue, locale) })}`}
            </Text>
            {interaction.nextStepTracking && (
              <NextStepControls step={interaction.nextStepTracking} accountId={interaction.accountId} text={interaction.nextStep} />
            )}
          </Group>
        )}
        <MeetingObjection interaction={interaction} />
        {interaction.type === 'email' && (
          <Group>
            <ReceivedEmailButton interactionId={interaction.id} />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
