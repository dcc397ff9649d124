/**
 * The pages an emailed link opens (an invitation, a password reset). The token travels in the
 * link's fragment (`#token=…`), which the browser never sends to the server. The page first
 * asks the server whose link it is; a link that does not work gets a page saying why and what
 * to do next, never an error dump.
 */
import { useEffect, type ReactNode } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Language } from '@common/enums';
import { api, ApiError } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { ButtonLink } from '../../components/links';
import { PageLoader } from '../../components/RouteStates';
import { applyLanguage, translateMessage } from '../../i18n';
import { AuthLayout } from './AuthLayout';

/** The kinds of emailed links; each one's problem codes start with its name (`invitation.link_expired`). */
export type LinkKind = 'invitation' | 'password_reset';

/** The token in a link's fragment (`token=…`, with or without the `#`), or an empty string. */
export const tokenFromHash = (hash: string): string => new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim() ?? '';

/** The token in the page's fragment, or an empty string. */
export function useLinkToken(): string {
  return tokenFromHash(useRouterState({ select: (s) => s.location.hash }));
}

/** Whether the failure is about the link itself (used, expired, not a link) rather than anything else. */
export const isLinkProblem = (error: unknown, kind: LinkKind): error is ApiError =>
  error instanceof ApiError && (error.status === 400 || error.status === 410) && error.code.startsWith(`${kind}.link_`);

/** Why the link does not work and what to do, with the way there. */
export function LinkProblem({ kind, code, actions }: { kind: LinkKind; code: string; actions: ReactNode }) {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t(kind === 'invitation' ? 'invitation.problemTitle' : 'resetPassword.problemTitle')}>
      <Stack data-testid="link-problem">
        <Alert color="orange" role="alert">
          {translateMessage(code)}
        </Alert>
        <Group>{actions}</Group>
      </Stack>
    </AuthLayout>
  );
}

interface Props<P> {
  kind: LinkKind;
  /** Where the server tells whose link it is (`POST { token }`). */
  previewPath: string;
  /** What to offer when the link does not work. */
  problemActions: ReactNode;
  children: (preview: P, token: string) => ReactNode;
}

/** Checks the link, then shows the page for it; the preview's language becomes the page's. */
export function EmailedLink<P extends { language: Language }>({ kind, previewPath, problemActions, children }: Props<P>) {
  const { t } = useTranslation();
  const token = useLinkToken();
  const preview = useQuery({
    queryKey: ['emailed-link', previewPath, token],
    queryFn: () => api.post<P>(previewPath, { token }),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
  });
  const language = preview.data?.language;
  useEffect(() => {
    if (language) void applyLanguage(language);
  }, [language]);

  if (!token) return <LinkProblem kind={kind} code={`${kind}.link_invalid`} actions={problemActions} />;
  if (preview.isPending) {
    return (
      <AuthLayout title={t('emailedLink.checking')}>
        <PageLoader />
      </AuthLayout>
    );
  }
  if (preview.isError) {
    if (isLinkProblem(preview.error, kind)) return <LinkProblem kind={kind} code={preview.error.code} actions={problemActions} />;
    return <LinkCheckFailed error={preview.error} retry={() => void preview.refetch()} />;
  }
  return children(preview.data, token);
}

/** The server could not be asked about a link (offline, a server error): why, and a way to try again. */
export function LinkCheckFailed({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t('emailedLink.failed')}>
      <Alert color="red" role="alert">
        <Stack gap="sm">
          <Text size="sm">{describeError(error, t)}</Text>
          <Button variant="outline" color="red" onClick={retry} w="fit-content">
            {t('common.retry')}
          </Button>
        </Stack>
      </Alert>
    </AuthLayout>
  );
}

/** The way to the sign-in page, offered when a link is used up or does not work. */
export function SignInLink({ variant = 'default' }: { variant?: 'default' | 'filled' }) {
  const { t } = useTranslation();
  return (
    <ButtonLink to="/sign-in" search={{ next: undefined }} variant={variant}>
      {t('emailedLink.signIn')}
    </ButtonLink>
  );
}
