/**
 * One proposal: its deal and account, status, the newest version (edited while it may be, else
 * read), every version with its PDF, and the steps it allows: send, withdraw the links, start the
 * project once accepted (then a link to it), delete a draft never sent.
 */
import { useState } from 'react';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '@common/schemas/proposal';
import { ActionDialog } from '../../components/ActionDialog';
import { Details } from '../../components/Details';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatDateTime } from '../../lib/format';
import { notify } from '../../lib/notify';
import { proposalQuery, useDeleteProposal, useRevokeLinks } from './api';
import { ProposalEditor } from './ProposalEditor';
import { ProposalLinesTable, ProposalStatusBadge } from './ProposalParts';
import { ProposalVersions } from './ProposalVersions';
import { SendProposalDialog } from './SendProposalDialog';
import { StartProjectDialog } from './StartProjectDialog';

const route = getRouteApi('/app/proposals/$proposalId');
type Dialog = 'send' | 'revoke' | 'start' | 'delete' | null;

function ProposalActions({ proposal, open }: { proposal: Proposal; open: (d: Dialog) => void }) {
  const { t } = useTranslation();
  const { can } = proposal;
  return (
    <>
      {can.startProject && <Button onClick={() => open('start')}>{t('proposals.startProject')}</Button>}
      {proposal.projectId && (
        <ButtonLink to="/projects/$projectId" params={{ projectId: proposal.projectId }} data-testid="proposal-project">
          {t('proposals.openProject')}
        </ButtonLink>
      )}
      {can.send && (
        <Button onClick={() => open('send')}>
          {proposal.sentVersion === null ? t('proposals.send') : t('proposals.sendVersion', { n: proposal.latestVersion })}
        </Button>
      )}
      {can.revokeLink && (
        <Button variant="default" onClick={() => open('revoke')}>
          {t('proposals.revokeLink')}
        </Button>
      )}
      {can.remove && (
        <Button variant="default" color="red" onClick={() => open('delete')}>
          {t('proposals.delete')}
        </Button>
      )}
    </>
  );
}

/** What the client answered, when they did. */
function Decision({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!proposal.decidedAt) return null;
  const when = formatDateTime(proposal.decidedAt, locale);
  if (proposal.status === 'accepted')
    return (
      <Alert color="green" title={t('proposals.acceptedTitle')} data-testid="proposal-decision">
        {proposal.decidedByName ? t('proposals.acceptedBy', { name: proposal.decidedByName, when }) : t('proposals.acceptedOn', { when })}
      </Alert>
    );
  return (
    <Alert color="red" title={t('proposals.declinedTitle', { when })} data-testid="proposal-decision">
      {proposal.declineReason}
    </Alert>
  );
}

function ProposalView({ proposal, reload }: { proposal: Proposal; reload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const revoke = useRevokeLinks();
  const remove = useDeleteProposal();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const title = t('proposals.pageTitle', { title: proposal.dealTitle });

  return (
    <Stack gap="lg">
      <PageHeader title={title}>
        <ProposalStatusBadge status={proposal.status} />
        <ProposalActions proposal={proposal} open={setDialog} />
      </PageHeader>
      <Decision proposal={proposal} />
      <Section title={t('proposals.details')}>
        <Details
          items={[
            [
              t('proposals.fields.account'),
              <AnchorLink key="a" to="/accounts/$accountId" params={{ accountId: proposal.accountId }} search={{ tab: 'deals' }}>
                {proposal.accountName}
              </AnchorLink>,
            ],
            [t('proposals.fields.deal'), proposal.dealTitle],
            [t('proposals.fields.currency'), proposal.currency],
            [
              t('proposals.fields.sentVersion'),
              proposal.sentVersion === null ? t('proposals.notSentYet') : t('proposals.versionN', { n: proposal.sentVersion }),
            ],
            [t('proposals.fields.validUntil'), formatCalendarDate(proposal.validUntil, locale)],
          ]}
        />
      </Section>
      <Section title={t('proposals.linesOfVersion', { n: proposal.latestVersion })}>
        <Stack>
          <ProposalLinesTable content={proposal.content} currency={proposal.currency} />
          {proposal.can.update ? (
            // Keyed by the record's version: once saved (or reloaded), the form edits what was saved.
            <ProposalEditor key={proposal.version} proposal={proposal} onReload={reload} />
          ) : (
            proposal.content.notes && <Text size="sm">{proposal.content.notes}</Text>
          )}
        </Stack>
      </Section>
      <ProposalVersions proposal={proposal} />

      {dialog === 'send' && <SendProposalDialog opened proposal={proposal} onClose={close} />}
      {dialog === 'start' && <StartProjectDialog opened proposal={proposal} onClose={close} />}
      <ActionDialog
        opened={dialog === 'revoke'}
        onClose={close}
        title={t('proposals.revokeLink')}
        body={t('proposals.revokeBody')}
        confirmLabel={t('proposals.revokeLink')}
        confirmColor="red"
        onConfirm={async () => {
          const { revoked } = await revoke.mutateAsync(proposal);
          notify({ message: t('proposals.revoked', { count: revoked }), color: 'green' });
        }}
      />
      <ActionDialog
        opened={dialog === 'delete'}
        onClose={close}
        title={t('proposals.deleteTitle')}
        body={t('proposals.deleteBody')}
        confirmLabel={t('proposals.delete')}
        confirmColor="red"
        onConfirm={async () => {
          await remove.mutateAsync(proposal);
          void navigate({ to: '/accounts/$accountId', params: { accountId: proposal.accountId }, search: { tab: 'deals' } });
        }}
      />
    </Stack>
  );
}

export function ProposalPage() {
  const { proposalId } = route.useParams();
  const query = useQuery(proposalQuery(proposalId));
  return <RecordGate query={query}>{(proposal) => <ProposalView proposal={proposal} reload={() => query.refetch()} />}</RecordGate>;
}
