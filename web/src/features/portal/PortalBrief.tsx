/** The brief in the portal: answers saved as drafts (the shared brief form), then sent once complete. */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Project } from '@common/schemas/project';
import { api } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { notify } from '../../lib/notify';
import { BriefTab } from '../projects/BriefTab';
import { briefQuery, type Brief } from '../projects/plan-api';
import { useRefreshPortalHome } from './api';

function SubmitBrief({ brief }: { brief: Brief }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refreshHome = useRefreshPortalHome();
  const submit = useMutation({
    mutationFn: () => api.post<Brief>(`/projects/${brief.projectId}/brief/submit`),
    onSuccess: (saved) => {
      queryClient.setQueryData(briefQuery(brief.projectId).queryKey, saved);
      void refreshHome();
      notify({ color: 'green', message: t('portal.project.briefSubmitted') });
    },
  });
  // Once sent, the brief says so itself (BriefTab).
  if (brief.submittedAt || !brief.can.answer) return null;
  return (
    <Stack gap="xs">
      <Text size="sm">{t('portal.project.briefSubmitHint')}</Text>
      <Group>
        <Button onClick={() => submit.mutate()} loading={submit.isPending} disabled={!brief.can.submit}>
          {t('portal.project.briefSubmit')}
        </Button>
      </Group>
      {submit.isError && (
        <Alert color="red" role="alert" title={t('portal.project.briefNotSent')}>
          {describeError(submit.error, t)}
        </Alert>
      )}
    </Stack>
  );
}

export function PortalBrief({ project }: { project: Project }) {
  const query = useQuery(briefQuery(project.id));
  return (
    <Stack gap="md">
      <BriefTab project={project} />
      {query.data && query.data.questions.length > 0 && <SubmitBrief brief={query.data} />}
    </Stack>
  );
}
