/** The proposals sent to the client's company, read and answered here as through the emailed link. */
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PortalProposal } from '@common/schemas/proposal';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { useLocale } from '../../i18n';
import { formatCalendarDate } from '../../lib/format';
import { PortalShell } from '../portal/PortalShell';
import { acceptInPortal, declineInPortal, portalProposalsQuery } from './api';
import { Decided, ProposalLinesTable, ProposalStatusBadge } from './ProposalParts';
import { PublicDecision } from './PublicDecision';

function PortalProposalCard({ proposal }: { proposal: PortalProposal }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const reload = () => void queryClient.invalidateQueries({ queryKey: portalProposalsQuery.queryKey });
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={`proposal-${proposal.id}`} data-testid="portal-proposal">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" id={`proposal-${proposal.id}`}>
            {t('proposals.public.title', { agency: proposal.agencyName })} · {t('proposals.versionN', { n: proposal.version })}
          </Title>
          <ProposalStatusBadge status={proposal.status} />
        </Group>
        <Text size="sm">{t('proposals.public.validUntil', { date: formatCalendarDate(proposal.validUntil, locale) })}</Text>
        <ProposalLinesTable content={proposal} currency={proposal.currency} />
        {proposal.notes && <Text size="sm">{proposal.notes}</Text>}
        {proposal.status === 'sent' ? (
          <PublicDecision
            accept={(name) => acceptInPortal(proposal.id, name)}
            decline={(reason) => declineInPortal(proposal.id, reason)}
            onDecided={reload}
            onStale={reload}
          />
        ) : (
          proposal.decidedAt && <Decided proposal={proposal} />
        )}
      </Stack>
    </Paper>
  );
}

export function PortalProposalsPage() {
  const { t } = useTranslation();
  const proposals = useQuery(portalProposalsQuery);
  return (
    <PortalShell>
      <Stack gap="md" maw={760}>
        <PageHeader title={t('proposals.portalTitle')} />
        <RecordGate query={proposals}>
          {(items) =>
            items.length === 0 ? (
              <Text c="dimmed">{t('proposals.portalNone')}</Text>
            ) : (
              <Stack gap="md">
                {items.map((p) => (
                  <PortalProposalCard key={p.id} proposal={p} />
                ))}
              </Stack>
            )
          }
        </RecordGate>
      </Stack>
    </PortalShell>
  );
}
