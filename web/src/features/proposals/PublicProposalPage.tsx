/**
 * The page of a proposal's emailed link, outside the app and without signing in: the agency's
 * offer (lines, totals, validity) with Accept and Decline, what was decided once it was, and a
 * clear page when the link is not a link, was withdrawn or the proposal expired.
 */
import { Alert, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { PageLoader } from '../../components/RouteStates';
import { translateMessage, useLocale } from '../../i18n';
import { formatCalendarDate } from '../../lib/format';
import { AuthLayout } from '../auth/AuthLayout';
import { LinkCheckFailed } from '../auth/EmailedLink';
import { acceptByLink, declineByLink, publicProposalQuery } from './api';
import { Decided, ProposalLinesTable } from './ProposalParts';
import { PublicDecision } from './PublicDecision';

const route = getRouteApi('/p/$token');
const WIDE = 760;

/** The page's heading for each way a link does not work. */
const PROBLEM_TITLES: Record<string, string> = {
  'proposal.link_invalid': 'proposals.public.invalidTitle',
  'proposal.link_revoked': 'proposals.public.revokedTitle',
  'proposal.expired': 'proposals.public.expiredTitle',
};

function LinkProblem({ error }: { error: ApiError }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const code = error.code in PROBLEM_TITLES ? error.code : 'proposal.link_invalid';
  const date = typeof error.params.date === 'string' ? formatCalendarDate(error.params.date, locale) : '';
  return (
    <AuthLayout title={t(PROBLEM_TITLES[code])}>
      <Alert color="orange" role="alert" data-testid="proposal-problem" data-code={code}>
        {translateMessage(code, { date }, i18n.language)}
      </Alert>
    </AuthLayout>
  );
}

export function PublicProposalPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { token } = route.useParams();
  const query = useQuery(publicProposalQuery(token));
  const queryClient = useQueryClient();

  // A token of the wrong shape (400), unknown (404), withdrawn or expired (410); a 429 or an outage may be retried.
  const refused =
    query.error instanceof ApiError && query.error.status >= 400 && query.error.status < 500 && query.error.status !== 429
      ? query.error
      : null;
  if (refused) return <LinkProblem error={refused} />;
  if (query.isError) return <LinkCheckFailed error={query.error} retry={() => void query.refetch()} />;
  if (query.isPending) {
    return (
      <AuthLayout title={t('proposals.public.checking')}>
        <PageLoader />
      </AuthLayout>
    );
  }
  const proposal = query.data;
  return (
    <AuthLayout
      width={WIDE}
      title={t('proposals.public.title', { agency: proposal.agencyName })}
      intro={t('proposals.public.intro', { account: proposal.accountName, n: proposal.version })}
    >
      <Stack>
        <Text size="sm" data-testid="proposal-valid-until">
          {t('proposals.public.validUntil', { date: formatCalendarDate(proposal.validUntil, locale) })}
        </Text>
        <ProposalLinesTable content={proposal} currency={proposal.currency} />
        {proposal.notes && <Text size="sm">{proposal.notes}</Text>}
        {proposal.status === 'sent' ? (
          <PublicDecision
            accept={(name) => acceptByLink(token, name)}
            decline={(reason) => declineByLink(token, reason)}
            onDecided={(p) => queryClient.setQueryData(publicProposalQuery(token).queryKey, p)}
            onStale={() => void query.refetch()}
          />
        ) : (
          <Decided proposal={proposal} />
        )}
      </Stack>
    </AuthLayout>
  );
}
