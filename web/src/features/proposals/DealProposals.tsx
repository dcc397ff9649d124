/** A deal's proposals, opened from its row: each with its status, version, total and validity, and "New proposal" on an open deal. */
import { useState } from 'react';
import { Alert, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Deal } from '@common/schemas/deal';
import type { ProposalSummary } from '@common/schemas/proposal';
import { AnchorLink } from '../../components/links';
import { ListBody } from '../../components/ListStates';
import { describeError } from '../../components/describe-error';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../../lib/format';
import { useCreateProposal, useDealProposals } from './api';
import { ProposalStatusBadge } from './ProposalParts';

function ProposalItem({ proposal }: { proposal: ProposalSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="deal-proposal">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2}>
          <AnchorLink to="/proposals/$proposalId" params={{ proposalId: proposal.id }} fw={500}>
            {t('proposals.versionN', { n: proposal.latestVersion })} · {formatMoney(proposal.totalMinor, proposal.currency, locale)}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {t('proposals.validUntilDate', { date: formatCalendarDate(proposal.validUntil, locale) })}
          </Text>
        </Stack>
        <ProposalStatusBadge status={proposal.status} />
      </Group>
    </Paper>
  );
}

function DealProposalsList({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const list = useDealProposals(deal.id);
  const create = useCreateProposal();
  const navigate = useNavigate();
  const add = () =>
    create.mutate({ dealId: deal.id }, { onSuccess: (p) => void navigate({ to: '/proposals/$proposalId', params: { proposalId: p.id } }) });
  return (
    <Stack gap="sm">
      <ListBody list={list} empty={<Text c="dimmed">{t('proposals.noneOnDeal')}</Text>}>
        <Stack gap="xs">
          {list.items.map((p) => (
            <ProposalItem key={p.id} proposal={p} />
          ))}
        </Stack>
      </ListBody>
      {create.isError && (
        <Alert color="red" role="alert" title={t('errors.saveFailed')}>
          {describeError(create.error, t)}
        </Alert>
      )}
      {deal.can.update && deal.state === 'open' && (
        <Group>
          <Button size="sm" loading={create.isPending} onClick={add}>
            {t('proposals.new')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The button on a deal's row, and the window with the deal's proposals. */
export function DealProposalsButton({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="compact-xs" variant="subtle" aria-label={t('proposals.openNamed', { title: deal.title })} onClick={() => setOpen(true)}>
        {t('proposals.open')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('proposals.onDeal', { title: deal.title })}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {open && <DealProposalsList deal={deal} />}
      </Modal>
    </>
  );
}
