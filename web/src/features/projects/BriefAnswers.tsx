/** The brief's questions and answers, read-only, with who answered each. */
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import type { Brief } from './plan-api';

/** "Answered by Anna on 3 May 2025, 10:00", or nothing for an open question. */
export function useAnsweredBy() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (q: Brief['questions'][number]) =>
    q.answeredAt
      ? t('brief.answeredBy', { name: q.answeredByName ?? t('timeline.nobody'), date: formatDateTime(q.answeredAt, locale) })
      : undefined;
}

export function BriefAnswers({ brief }: { brief: Brief }) {
  const { t } = useTranslation();
  const answeredBy = useAnsweredBy();
  return (
    <Stack component="dl" gap="md" m={0}>
      {brief.questions.map((q) => (
        <div key={q.id}>
          <Text component="dt" fw={600}>
            {q.text}
          </Text>
          <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap' }}>
            {q.answer ?? t('brief.noAnswer')}
          </Text>
          {q.answeredAt && (
            <Text component="dd" m={0} size="sm" c="dimmed">
              {answeredBy(q)}
            </Text>
          )}
        </div>
      ))}
    </Stack>
  );
}
