/** Surveys: an account's list, a manager's send, the settings, and the contact's side (link and portal). */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SurveyKind } from '@common/enums';
import type { PortalSurvey, PublicSurvey, Survey, SurveyAnswer, SurveyCreate, SurveySettings } from '@common/schemas/survey';
import { api } from '../../api/client';
import { useCursorList } from '../../api/use-cursor-list';

export const useSurveys = (filter: { accountId?: string; kind?: SurveyKind }, limit = 50) =>
  useCursorList<Survey>(['surveys'], '/surveys', { ...filter, limit });

export function useSendSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SurveyCreate) => api.post<Survey>('/surveys', body),
    onSuccess: (survey) => {
      void queryClient.invalidateQueries({ queryKey: ['surveys'] });
      void queryClient.invalidateQueries({ queryKey: ['timeline', survey.accountId] });
    },
  });
}

export const surveySettingsQuery = queryOptions({
  queryKey: ['settings', 'surveys'],
  queryFn: () => api.get<SurveySettings>('/settings/surveys'),
});

export function useSaveSurveySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SurveySettings) => api.put<SurveySettings>('/settings/surveys', body),
    onSuccess: (saved) => queryClient.setQueryData(surveySettingsQuery.queryKey, saved),
  });
}

const linkPath = (token: string) => `/public/surveys/${encodeURIComponent(token)}`;

export const usePublicSurvey = (token: string) =>
  useQuery({
    queryKey: ['public-survey', token],
    queryFn: () => api.get<PublicSurvey>(linkPath(token)),
    retry: false,
    staleTime: Infinity,
  });

export const answerByLink = (token: string, body: SurveyAnswer) => api.post<void>(linkPath(token), body);

export const portalSurveysQuery = queryOptions({
  queryKey: ['portal', 'surveys'],
  queryFn: async () => (await api.get<{ items: PortalSurvey[] }>('/portal/surveys')).items,
});

export function usePortalSurveys() {
  return useQuery(portalSurveysQuery);
}

export function useAnswerInPortal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SurveyAnswer }) => api.post<void>(`/portal/surveys/${id}/answer`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: portalSurveysQuery.queryKey }),
  });
}
