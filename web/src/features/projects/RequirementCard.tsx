/** One requirement: whose it is, its state and text, who agreed it, its history and the manager's actions. */
import { useState } from 'react';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Requirement } from '@common/schemas/plan';
import { ActionDialog } from '../../components/ActionDialog';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { EnumBadge } from '../delivery/EnumBadge';
import { WaitingFor } from './ClientWaiting';
import { useUserNames } from '../users/api';
import { useDecideRequirement, useDeleteRequirement } from './plan-api';
import { RequirementForm } from './RequirementForm';
import { RequirementHistory } from './RequirementHistory';

type Dialog = 'agree' | 'reject' | 'delete' | null;

interface Props {
  requirement: Requirement;
  onReload: () => Promise<unknown>;
}

export function RequirementCard({ requirement: r, onReload }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const nameOf = useUserNames([r.agreedById]);
  const decide = useDecideRequirement(r.projectId);
  const remove = useDeleteRequirement(r.projectId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [editing, setEditing] = useState(false);

  return (
    <Paper withBorder p="md" radius="md" data-testid="requirement">
      <Stack gap="xs">
        <Group gap="xs">
          <EnumBadge group="party" value={r.party} />
          <EnumBadge group="requirementStatus" value={r.status} />
          {(r.status === 'proposed' || r.status === 'changed') && <WaitingFor since={r.updatedAt} />}
        </Group>
        {editing ? (
          <RequirementForm
            key={r.version}
            projectId={r.projectId}
            requirement={r}
            onDone={() => setEditing(false)}
            onCancel={() => setEditing(false)}
            onReload={onReload}
          />
        ) : (
          <Text style={{ whiteSpace: 'pre-wrap' }}>{r.text}</Text>
        )}
        {r.agreedAt && (
          <Text size="sm" c="dimmed">
            {t('requirements.agreedBy', { name: nameOf(r.agreedById) ?? t('plan.theClient'), date: formatDateTime(r.agreedAt, locale) })}
          </Text>
        )}
        {r.history.length > 0 && <RequirementHistory requirement={r} />}
        {!editing && Object.values(r.can).some(Boolean) && (
          <Group gap="xs">
            {r.can.agree && (
              <Button size="xs" onClick={() => setDialog('agree')}>
                {t('requirements.agree')}
              </Button>
            )}
            {r.can.reject && (
              <Button size="xs" variant="default" onClick={() => setDialog('reject')}>
                {t('requirements.reject')}
              </Button>
            )}
            {r.can.update && (
              <Button size="xs" variant="default" onClick={() => setEditing(true)}>
                {t('requirements.change')}
              </Button>
            )}
            {r.can.delete && (
              <Button size="xs" variant="default" onClick={() => setDialog('delete')}>
                {t('common.delete')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <ActionDialog
        opened={dialog === 'agree' || dialog === 'reject'}
        onClose={() => setDialog(null)}
        title={t(dialog === 'reject' ? 'requirements.rejectTitle' : 'requirements.agreeTitle')}
        body={r.text}
        note={{
          label: t('requirements.howDecided'),
          description: t('requirements.howDecidedHint'),
          missing: t('requirements.howDecidedMissing'),
        }}
        confirmLabel={t(dialog === 'reject' ? 'requirements.reject' : 'requirements.agree')}
        onConfirm={(note) => decide.mutateAsync({ id: r.id, decision: dialog === 'reject' ? 'reject' : 'agree', note })}
      />
      <ActionDialog
        opened={dialog === 'delete'}
        onClose={() => setDialog(null)}
        title={t('requirements.deleteTitle')}
        body={r.text}
        confirmLabel={t('common.delete')}
        confirmColor="red.9"
        onConfirm={() => remove.mutateAsync(r)}
      />
    </Paper>
  );
}
