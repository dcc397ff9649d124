/**
 * The page of a survey's emailed link, outside the app and without signing in: the question in the
 * contact's language, and a clear page when the link was used, has closed or is not a link.
 */
import { useEffect, useState } from 'react';
import { Alert, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { PageLoader } from '../../components/RouteStates';
import { applyLanguage, translateMessage } from '../../i18n';
import { AuthLayout } from '../auth/AuthLayout';
import { LinkCheckFailed } from '../auth/EmailedLink';
import { answerByLink, usePublicSurvey } from './api';
import { ScoreForm } from './ScoreForm';

const route = getRouteApi('/s/$token');

/** The page's heading for each way a link does not work. */
const PROBLEM_TITLES: Record<string, string> = {
  'survey.link_used': 'surveys.usedTitle',
  'survey.link_expired': 'surveys.expiredTitle',
  'survey.link_invalid': 'surveys.invalidTitle',
};

export function PublicSurveyPage() {
  const { t, i18n } = useTranslation();
  const { token } = route.useParams();
  const survey = usePublicSurvey(token);
  const [answered, setAnswered] = useState(false);
  const language = survey.data?.language;
  useEffect(() => {
    if (language) void applyLanguage(language);
  }, [language]);

  if (answered) {
    return (
      <AuthLayout title={t('surveys.thanksTitle')}>
        <Text data-testid="survey-thanks">{t('surveys.thanks')}</Text>
      </AuthLayout>
    );
  }
  if (survey.error instanceof ApiError && survey.error.status < 500) {
    const code = survey.error.code;
    return (
      <AuthLayout title={t(PROBLEM_TITLES[code] ?? 'surveys.invalidTitle')}>
        <Alert color="orange" role="alert" data-testid="survey-problem">
          {translateMessage(code in PROBLEM_TITLES ? code : 'survey.link_invalid', {}, i18n.language)}
        </Alert>
      </AuthLayout>
    );
  }
  if (survey.isError) return <LinkCheckFailed error={survey.error} retry={() => void survey.refetch()} />;
  if (survey.isPending) {
    return (
      <AuthLayout title={t('surveys.checking')}>
        <PageLoader />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t('surveys.title', { agency: survey.data.agencyName })} intro={survey.data.projectName ?? undefined}>
      <ScoreForm
        survey={survey.data}
        onAnswer={async (body) => {
          await answerByLink(token, body);
          setAnswered(true);
        }}
      />
    </AuthLayout>
  );
}
