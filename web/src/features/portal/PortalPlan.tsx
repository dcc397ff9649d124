/** The plan's state for the client and, while it waits for them, Approve or Request changes (with a comment). */
import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Project } from '@common/schemas/project';
import { ActionDialog } from '../../components/ActionDialog';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { notify } from '../../lib/notify';
import { EnumBadge } from '../delivery/EnumBadge';
import { useApprovePlan } from '../projects/api';
import { useRefreshPortalHome, useRequestPlanChanges } from './api';

export function PortalPlan({ project }: { project: Project }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const approve = useApprovePlan();
  const requestChanges = useRequestPlanChanges();
  const refreshHome = useRefreshPortalHome();
  const [dialog, setDialog] = useState<'approve' | 'changes' | null>(null);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale) : '');
  const date = project.planStatus === 'approved' ? when(project.planApprovedAt) : when(project.planSubmittedAt);

  return (
    <Stack gap="sm">
      <Group gap="sm">
        <EnumBadge group="planStatus" value={project.planStatus} />
      </Group>
      <Text size="sm" data-testid="portal-plan-state">
        {t(`portal.project.planState.${project.planStatus}`, { date })}
      </Text>
      {(project.can.approvePlan || project.can.requestPlanChanges) && (
        <Group gap="sm">
          {project.can.approvePlan && <Button onClick={() => setDialog('approve')}>{t('portal.project.approve')}</Button>}
          {project.can.requestPlanChanges && (
            <Button variant="default" onClick={() => setDialog('changes')}>
              {t('portal.project.requestChanges')}
            </Button>
          )}
        </Group>
      )}
      <ActionDialog
        opened={dialog === 'approve'}
        onClose={() => setDialog(null)}
        title={t('portal.project.approveTitle')}
        body={t('portal.project.approveBody')}
        note={{ label: t('portal.project.approveComment') }}
        confirmLabel={t('portal.project.approve')}
        onConfirm={async (note) => {
          await approve.mutateAsync({ project, value: note });
          void refreshHome();
          notify({ color: 'green', message: t('portal.project.approved') });
        }}
      />
      <ActionDialog
        opened={dialog === 'changes'}
        onClose={() => setDialog(null)}
        title={t('portal.project.requestChangesTitle')}
        body={t('portal.project.requestChangesBody')}
        note={{ label: t('portal.project.changesComment'), missing: t('portal.project.changesCommentMissing'), field: 'comment' }}
        confirmLabel={t('portal.project.requestChanges')}
        onConfirm={async (comment) => {
          await requestChanges.mutateAsync({ project, comment });
          notify({ color: 'green', message: t('portal.project.changesRequested') });
        }}
      />
    </Stack>
  );
}
