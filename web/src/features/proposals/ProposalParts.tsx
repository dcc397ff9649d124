/** How a proposal reads on every page (the manager's and the client's): its status, its lines with their discounts and totals, and the client's decision. */
import { Alert, Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProposalStatus } from '@common/enums';
import type { ProposalContent, ProposalLine, PublicProposal } from '@common/schemas/proposal';
import { useLocale } from '../../i18n';
import { formatDateTime, formatMoney, formatNumber } from '../../lib/format';

const STATUS_COLOURS: Record<ProposalStatus, string> = {
  draft: 'gray',
  sent: 'blue',
  accepted: 'green',
  declined: 'red',
  expired: 'orange',
};

export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" data-testid="proposal-status" data-status={status}>
      {t(`proposals.status.${status}`)}
    </Badge>
  );
}

type Content = Pick<ProposalContent, 'subtotalMinor' | 'discountMinor' | 'totalMinor'> & {
  lines: Pick<ProposalLine, 'kind' | 'description' | 'quantity' | 'unitPriceMinor' | 'discountPercent' | 'totalMinor'>[];
};

/** The lines, then the subtotal, the account's discount (its reason) and the total; no sideways scrolling on a phone. */
export function ProposalLinesTable({ content, currency }: { content: Content; currency: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (v: number) => formatMoney(v, currency, locale);
  const items = content.lines.filter((l) => l.kind === 'item');
  const loyalty = content.lines.filter((l) => l.kind === 'loyalty');
  const summary = (label: string, value: number, testId: string, strong = false) => (
    <Table.Tr>
      <Table.Th colSpan={4} scope="row" fw={strong ? 700 : 500}>
        {label}
      </Table.Th>
      <Table.Td ta="right" fw={strong ? 700 : undefined} data-testid={testId}>
        {money(value)}
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Table striped verticalSpacing="xs" horizontalSpacing={6} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('proposals.fields.description')}</Table.Th>
          <Table.Th>{t('proposals.fields.quantity')}</Table.Th>
          <Table.Th>{t('proposals.fields.unitPrice')}</Table.Th>
          <Table.Th>{t('proposals.fields.discount')}</Table.Th>
          <Table.Th ta="right">{t('proposals.fields.lineTotal')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((l, i) => (
          <Table.Tr key={i} data-testid="proposal-line">
            <Table.Td>{l.description}</Table.Td>
            <Table.Td>{formatNumber(l.quantity, locale)}</Table.Td>
            <Table.Td>{money(l.unitPriceMinor)}</Table.Td>
            <Table.Td>{l.discountPercent ? `${formatNumber(l.discountPercent, locale)}%` : '—'}</Table.Td>
            <Table.Td ta="right">{money(l.totalMinor)}</Table.Td>
          </Table.Tr>
        ))}
        {loyalty.length > 0 && summary(t('proposals.subtotal'), content.subtotalMinor, 'proposal-subtotal')}
        {loyalty.map((l, i) => (
          <Table.Tr key={`loyalty-${i}`}>
            <Table.Th colSpan={4} scope="row" fw={500}>
              {t('proposals.accountDiscount', { percent: formatNumber(l.discountPercent, locale), reason: l.description })}
            </Table.Th>
            <Table.Td ta="right">{money(l.totalMinor)}</Table.Td>
          </Table.Tr>
        ))}
        {summary(t('proposals.total'), content.totalMinor, 'proposal-total', true)}
      </Table.Tbody>
    </Table>
  );
}

/** What was decided, for a client who comes back (or just answered). */
export function Decided({ proposal }: { proposal: PublicProposal }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const when = proposal.decidedAt ? formatDateTime(proposal.decidedAt, locale) : '';
  return (
    <Alert
      color={proposal.status === 'accepted' ? 'green' : 'gray'}
      role="status"
      data-testid="proposal-decided"
      data-status={proposal.status}
    >
      {t(proposal.status === 'accepted' ? 'proposals.public.acceptedOn' : 'proposals.public.declinedOn', { when })}
    </Alert>
  );
}
