/** The project's requirements as the client decides them: Agree (an optional comment) or Decline (saying why). */
import { useState } from 'react';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Requirement } from '@common/schemas/plan';
import { ActionDialog } from '../../components/ActionDialog';
import { RecordGate } from '../../components/RecordGate';
import { notify } from '../../lib/notify';
import { EnumBadge } from '../delivery/EnumBadge';
import { requirementsQuery, useDecideRequirement } from '../projects/plan-api';
import { useRefreshPortalHome } from './api';
import { agreedBeforeChange, type AgreedBefore } from './change-request';

/** A change to an agreed requirement: what the client agreed to, the wording proposed now, and why. */
function ChangeRequest({ before, now }: { before: AgreedBefore; now: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="portal-change-request">
      <Text size="sm" fw={500}>
        {t('portal.project.changeRequest')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('portal.project.agreedBefore')}
      </Text>
      <Text size="sm" c="dimmed" td="line-through" style={{ whiteSpace: 'pre-wrap' }}>
        {before.text}
      </Text>
      <Text size="sm" c="dimmed">
        {t('portal.project.proposedNow')}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{now}</Text>
      {before.reason && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="portal-change-reason">
          {t('portal.project.changeReason', { reason: before.reason })}
        </Text>
      )}
    </Stack>
  );
}

function RequirementItem({ requirement: r }: { requirement: Requirement }) {
  const { t } = useTranslation();
  const decide = useDecideRequirement(r.projectId);
  const refreshHome = useRefreshPortalHome();
  const [dialog, setDialog] = useState<'agree' | 'reject' | null>(null);
  const declining = dialog === 'reject';
  const agreedBefore = agreedBeforeChange(r);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="portal-requirement">
      <Stack gap="xs">
        <Group gap="xs">
          <EnumBadge group="party" value={r.party} />
          <EnumBadge group="requirementStatus" value={r.status} />
        </Group>
        {agreedBefore === null ? (
          <Text style={{ whiteSpace: 'pre-wrap' }}>{r.text}</Text>
        ) : (
          <ChangeRequest before={agreedBefore} now={r.text} />
        )}
        {(r.can.agree || r.can.reject) && (
          <Group gap="xs">
            {r.can.agree && (
              <Button size="xs" onClick={() => setDialog('agree')}>
                {t('portal.project.agree')}
              </Button>
            )}
            {r.can.reject && (
              <Button size="xs" variant="default" onClick={() => setDialog('reject')}>
                {t('portal.project.decline')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <ActionDialog
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={t(declining ? 'portal.project.declineTitle' : 'portal.project.agreeTitle')}
        body={r.text}
        note={
          declining
            ? { label: t('portal.project.declineComment'), missing: t('portal.project.declineCommentMissing') }
            : { label: t('portal.project.agreeComment') }
        }
        confirmLabel={t(declining ? 'portal.project.decline' : 'portal.project.agree')}
        onConfirm={async (note) => {
          await decide.mutateAsync({ id: r.id, decision: declining ? 'reject' : 'agree', note });
          void refreshHome();
          notify({ color: 'green', message: t(declining ? 'portal.project.declined' : 'portal.project.agreed') });
        }}
      />
    </Paper>
  );
}

export function PortalRequirements({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const query = useQuery(requirementsQuery(projectId));
  return (
    <RecordGate query={query}>
      {(requirements) =>
        requirements.length === 0 ? (
          <Text c="dimmed">{t('portal.project.noRequirements')}</Text>
        ) : (
          <Stack gap="sm">
            {requirements.map((r) => (
              <RequirementItem key={r.id} requirement={r} />
            ))}
          </Stack>
        )
      }
    </RecordGate>
  );
}
