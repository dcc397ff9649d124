/** The client's own surveys waiting for an answer, answered here as by the emailed link. */
import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { notify } from '../../lib/notify';
import { PortalShell } from '../portal/PortalShell';
import { useAnswerInPortal, usePortalSurveys } from './api';
import { ScoreForm } from './ScoreForm';

export function PortalSurveysPage() {
  const { t } = useTranslation();
  const surveys = usePortalSurveys();
  const answer = useAnswerInPortal();
  return (
    <PortalShell>
      <Stack gap="md" maw={640}>
        <PageHeader title={t('surveys.portalTitle')} />
        <RecordGate query={surveys}>
          {(items) =>
            items.length === 0 ? (
              <Text c="dimmed">{t('surveys.portalNone')}</Text>
            ) : (
              <Stack gap="md">
                {items.map((s) => (
                  <Paper key={s.id} withBorder p="md" radius="md" data-testid="portal-survey">
                    {s.projectName && (
                      <Text size="sm" c="dimmed" mb="xs">
                        {s.projectName}
                      </Text>
                    )}
                    <ScoreForm
                      survey={s}
                      onAnswer={async (body) => {
                        await answer.mutateAsync({ id: s.id, body });
                        notify({ message: t('surveys.thanks'), color: 'green' });
                      }}
                    />
                  </Paper>
                ))}
              </Stack>
            )
          }
        </RecordGate>
      </Stack>
    </PortalShell>
  );
}
