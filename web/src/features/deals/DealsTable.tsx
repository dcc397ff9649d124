/** Deals as a table: what, for which account, where it stands, how much and how likely, when, and the next step (overdue in the error colour). */
import { useState } from 'react';
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DealSort } from '@common/enums';
import type { Deal } from '@common/schemas/deal';
import { DataTable } from '../../components/DataTable';
import { SortableTh } from '../../components/SortableTh';
import { AnchorLink } from '../../components/links';
import { useLocale } from '../../i18n';
import { DealObjectionsButton } from '../objections/DealObjections';
import { DealProposalsButton } from '../proposals/DealProposals';
import { formatCalendarDate, formatMoney } from '../../lib/format';
import { useDealNames } from './api';
import { sortableThProps } from './deal-sort';
import { DealDialog } from './DealDialog';
import { MoveDealDialog } from './MoveDealDialog';

const STATE_COLOURS = { open: 'blue', won: 'green', lost: 'gray' } as const;

export function NextStep({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!deal.nextStep || deal.state !== 'open')
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  return (
    <Text size="sm" c={deal.nextStepOverdue ? 'var(--mantine-color-error)' : undefined} data-overdue={deal.nextStepOverdue || undefined}>
      {deal.nextStep}
      {deal.nextStepDue && ` · ${formatCalendarDate(deal.nextStepDue, locale)}`}
      {deal.nextStepOverdue && ` (${t('deals.overdue')})`}
    </Text>
  );
}

/** Edit and Move, as the deal's `can` allows, each opening its dialog. */
function DealActions({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'edit' | 'move' | null>(null);
  if (!deal.can.update && !deal.can.moveStage) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {deal.can.update && (
        <Button size="compact-xs" variant="subtle" aria-label={t('deals.editNamed', { title: deal.title })} onClick={() => setOpen('edit')}>
          {t('common.edit')}
        </Button>
      )}
      {deal.can.moveStage && deal.stage !== 'won' && (
        <Button size="compact-xs" variant="light" aria-label={t('deals.moveNamed', { title: deal.title })} onClick={() => setOpen('move')}>
          {t('deals.move')}
        </Button>
      )}
      {open === 'edit' && (
        <DealDialog opened deal={deal} accountId={deal.accountId} currency={deal.currency} onClose={() => setOpen(null)} />
      )}
      {open === 'move' && <MoveDealDialog opened deal={deal} onClose={() => setOpen(null)} />}
    </Group>
  );
}

interface Props {
  deals: Deal[];
  showAccount?: boolean;
  /** The server's order, when the headers choose it (the Deals page). */
  sort?: DealSort;
  onSort?: (sort: DealSort) => void;
}

export function DealsTable({ deals, showAccount = true, sort, onSort }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useDealNames();
  const header = (field: DealSort, label: string) =>
    sort && onSort ? <SortableTh field={field} label={label} {...sortableThProps(sort, onSort)} /> : label;
  const headers = [
    t('deals.fields.title'),
    ...(showAccount ? [t('deals.fields.account')] : []),
    t('deals.fields.stage'),
    header('amount', t('deals.fields.amount')),
    t('deals.fields.probability'),
    header('close', t('deals.fields.expectedClose')),
    header('next_step', t('deals.fields.nextStep')),
    t('deals.fields.owner'),
    t('common.actions'),
  ];
  return (
    <DataTable headers={headers} minWidth={showAccount ? 1040 : 900}>
      {deals.map((d) => (
        <Table.Tr key={d.id} data-testid="deal-row">
          <Table.Td>
            <Text size="sm" fw={500}>
              {d.title}
            </Text>
            <Text size="xs" c="dimmed">
              {d.accountStatus === 'prospect' ? t('deals.newBusiness') : t('deals.upsell')}
            </Text>
          </Table.Td>
          {showAccount && (
            <Table.Td>
              <AnchorLink to="/accounts/$accountId" params={{ accountId: d.accountId }} search={{ tab: 'deals' }}>
                {d.accountName}
              </AnchorLink>
            </Table.Td>
          )}
          <Table.Td>
            <Badge color={STATE_COLOURS[d.state]} data-testid="deal-stage">
              {names.stage(d.stage)}
            </Badge>
            {d.state === 'lost' && d.lostReason && (
              <Text size="xs" c="dimmed">
                {names.reason(d.lostReason)}
              </Text>
            )}
          </Table.Td>
          <Table.Td>{formatMoney(d.amount, d.currency, locale)}</Table.Td>
          <Table.Td>{d.probability}%</Table.Td>
          <Table.Td>{formatCalendarDate(d.expectedCloseDate, locale)}</Table.Td>
          <Table.Td>
            <NextStep deal={d} />
          </Table.Td>
          <Table.Td>{d.ownerName ?? '—'}</Table.Td>
          <Table.Td>
            <Group gap={4} wrap="nowrap">
              <DealActions deal={d} />
              <DealObjectionsButton deal={d} />
              <DealProposalsButton deal={d} />
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
