/** The project's brief: questions from its kind's template, answers with who gave them, what is missing, and when it was sent. */
import { Alert, List, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Project } from '@common/schemas/project';
import { EmptyState } from '../../components/ListStates';
import { RecordGate } from '../../components/RecordGate';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { BriefAnswers } from './BriefAnswers';
import { BriefAnswersForm } from './BriefAnswersForm';
import { briefQuery } from './plan-api';

export function BriefTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useQuery(briefQuery(project.id));
  return (
    <RecordGate query={query}>
      {(brief) => {
        if (brief.questions.length === 0) return <EmptyState title={t('brief.emptyTitle')} body={t('brief.emptyBody')} />;
        const missing = brief.questions.filter((q) => brief.missing.includes(q.id));
        return (
          <Stack gap="md">
            {brief.submittedAt && (
              <Alert color="green" data-testid="brief-submitted">
                {t('brief.submittedOn', { date: formatDateTime(brief.submittedAt, locale) })}
              </Alert>
            )}
            {missing.length > 0 ? (
              <Alert color="orange" title={t('brief.missingTitle', { count: missing.length })} data-testid="brief-missing">
                <List size="sm">
                  {missing.map((q) => (
                    <List.Item key={q.id}>{q.text}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : (
              <Alert color="green" title={t('brief.completeTitle')}>
                {t('brief.completeBody')}
              </Alert>
            )}
            {brief.can.answer ? <BriefAnswersForm key={JSON.stringify(brief.questions)} brief={brief} /> : <BriefAnswers brief={brief} />}
          </Stack>
        );
      }}
    </RecordGate>
  );
}
