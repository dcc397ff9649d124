/** Where the plan stands with the client (draft, sent, approved, changed) and the next step. */
import { notify } from '../../lib/notify';
import { useState } from 'react';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Project } from '@common/schemas/project';
import { ActionDialog } from '../../components/ActionDialog';
import { describeError } from '../../components/describe-error';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { EnumBadge } from '../delivery/EnumBadge';
import { useUserNames } from '../users/api';
import { useApprovePlan, useSubmitPlan } from './api';
import { RemindClientButton, WaitingFor } from './ClientWaiting';

interface Props {
  project: Project;
  hasMilestones: boolean;
}

export function PlanApproval({ project, hasMilestones }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const nameOf = useUserNames([project.planApprovedById]);
  const submitPlan = useSubmitPlan();
  const approvePlan = useApprovePlan();
  const [approving, setApproving] = useState(false);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale) : '');

  const explanation = {
    draft: t('plan.state.draft'),
    submitted: t('plan.state.submitted', { date: when(project.planSubmittedAt) }),
    approved: t('plan.state.approved', {
      date: when(project.planApprovedAt),
      name: nameOf(project.planApprovedById) ?? t('plan.theClient'),
    }),
    changed: t('plan.state.changed'),
    changes_requested: t('plan.state.changes_requested'),
  }[project.planStatus];

  const submit = () =>
    submitPlan.mutate(
      { project, value: undefined },
      {
        onSuccess: () => notify({ color: 'green', message: t('plan.submitted') }),
        onError: (e) => notify({ color: 'red', message: describeError(e, t) }),
      },
    );

  const { submitPlan: canSubmit, approvePlan: canApprove } = project.can;
  const canRemind = project.can.remindClient && project.planStatus === 'submitted';
  return (
    <Paper withBorder p="md" radius="md" data-testid="plan-status">
      <Stack gap="xs">
        <Group gap="sm">
          <Text fw={600}>{t('plan.approval')}</Text>
          <EnumBadge group="planStatus" value={project.planStatus} />
        </Group>
        <Text size="sm">{explanation}</Text>
        {project.planStatus === 'submitted' && project.planSubmittedAt && <WaitingFor since={project.planSubmittedAt} />}
        {project.planStatus === 'approved' && project.planApprovalNote && (
          <Text size="sm" c="dimmed">
            {t('plan.approvalNote', { note: project.planApprovalNote })}
          </Text>
        )}
        {(canSubmit || canApprove || canRemind) && (
          <Group gap="sm">
            {canSubmit && (
              <Button onClick={submit} loading={submitPlan.isPending} disabled={!hasMilestones}>
                {t('plan.submit')}
              </Button>
            )}
            {canSubmit && !hasMilestones && (
              <Text size="sm" c="dimmed">
                {t('plan.needMilestones')}
              </Text>
            )}
            {canApprove && (
              <Button variant="default" onClick={() => setApproving(true)}>
                {t('plan.recordApproval')}
              </Button>
            )}
            {canRemind && <RemindClientButton projectId={project.id} accountId={project.accountId} />}
          </Group>
        )}
      </Stack>
      <ActionDialog
        opened={approving}
        onClose={() => setApproving(false)}
        title={t('plan.recordApproval')}
        body={t('plan.recordApprovalBody')}
        note={{ label: t('plan.howApproved'), description: t('plan.howApprovedHint'), missing: t('plan.howApprovedMissing') }}
        confirmLabel={t('plan.approve')}
        onConfirm={(note) => approvePlan.mutateAsync({ project, value: note })}
      />
    </Paper>
  );
}
