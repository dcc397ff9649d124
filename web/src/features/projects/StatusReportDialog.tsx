/** Make a project's status report: choose the period, see what it says and to whom it goes, then send it or keep a draft. */
import { useState } from 'react';
import { Alert, Button, Group, List, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Project } from '@common/schemas/project';
import type { StatusReportCreate, StatusReportPreview as Preview } from '@common/schemas/status-report';
import type { Document } from '@common/schemas/document';
import { api } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { PageLoader } from '../../components/RouteStates';
import { notify } from '../../lib/notify';
import { StatusReportPreview } from '../documents/StatusReportPreview';

interface Props {
  project: Project;
  opened: boolean;
  onClose: () => void;
}

export function StatusReportDialog({ project, opened, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // Empty: the server's default, the project's last schedule period.
  const [period, setPeriod] = useState({ periodFrom: '', periodTo: '' });
  const complete = Boolean(period.periodFrom) === Boolean(period.periodTo);
  const preview = useQuery({
    queryKey: ['projects', project.id, 'status-report-preview', period.periodFrom, period.periodTo],
    queryFn: () =>
      api.get<Preview>(
        `/projects/${project.id}/status-reports/preview`,
        period.periodFrom ? { periodFrom: period.periodFrom, periodTo: period.periodTo } : undefined,
      ),
    enabled: opened && complete,
  });
  const shown = {
    periodFrom: period.periodFrom || preview.data?.facts.periodFrom || '',
    periodTo: period.periodTo || preview.data?.facts.periodTo || '',
  };
  const make = useMutation({
    mutationFn: (send: boolean) => {
      const body: StatusReportCreate = { send, periodFrom: shown.periodFrom || undefined, periodTo: shown.periodTo || undefined };
      return api.post<{ documents: Document[]; recipients: string[] }>(`/projects/${project.id}/status-reports`, body);
    },
    onSuccess: (made, send) => {
      void queryClient.invalidateQueries({ queryKey: ['documents'] });
      void queryClient.invalidateQueries({ queryKey: ['timeline', project.accountId] });
      notify({ color: 'green', message: send ? t('statusReport.sent', { count: made.recipients.length }) : t('statusReport.drafted') });
      onClose();
    },
  });
  const recipients = preview.data?.recipients ?? [];

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t('statusReport.title', { name: project.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput
            type="date"
            label={t('statusReport.periodFrom')}
            value={shown.periodFrom}
            onChange={(e) => setPeriod({ ...shown, periodFrom: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('statusReport.periodTo')}
            value={shown.periodTo}
            onChange={(e) => setPeriod({ ...shown, periodTo: e.currentTarget.value })}
          />
        </SimpleGrid>
        {preview.isPending && complete ? (
          <PageLoader />
        ) : preview.isError ? (
          <Alert color="red" role="alert">
            {describeError(preview.error, t)}
          </Alert>
        ) : preview.data ? (
          <>
            {preview.data.empty && <Alert color="yellow">{t('statusReport.empty')}</Alert>}
            <StatusReportPreview facts={preview.data.facts} />
            {recipients.length ? (
              <Stack gap={4}>
                <Text fw={600} size="sm">
                  {t('statusReport.recipients')}
                </Text>
                <List size="sm">
                  {recipients.map((r) => (
                    <List.Item key={r.contactId}>
                      {t('statusReport.recipientLanguage', { name: r.name, email: r.email, language: t(`languages.${r.language}`) })}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            ) : (
              <Alert color="yellow">{t('statusReport.noRecipients')}</Alert>
            )}
          </>
        ) : null}
        {make.isError && (
          <Alert color="red" role="alert" title={t('statusReport.failed')}>
            {describeError(make.error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => make.mutate(false)}
            loading={make.isPending && make.variables === false}
            disabled={!preview.data}
          >
            {t('statusReport.saveDraft')}
          </Button>
          <Button
            onClick={() => make.mutate(true)}
            loading={make.isPending && make.variables === true}
            disabled={!preview.data || recipients.length === 0}
          >
            {t('statusReport.sendNow')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
