/** Late deliveries and payment discipline per account: a stacked bar per account, then the table. */
import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SatisfactionReport } from '@common/schemas/satisfaction-report';
import { DataTable } from '../../components/DataTable';
import { AnchorLink } from '../../components/links';
import { useLocale } from '../../i18n';
import { formatMoney, formatNumber } from '../../lib/format';
import { ReportChart } from '../deals/ReportChart';
import { DrillBars, DrillButton } from './drill';

type Account = SatisfactionReport['accounts'][number];
const SIGNALS = ['milestones', 'tasks', 'paidLate', 'overdue'] as const;
type Signal = (typeof SIGNALS)[number];

const countOf = (a: Account, s: Signal) =>
  s === 'milestones'
    ? a.lateMilestones
    : s === 'tasks'
      ? a.lateTasks
      : s === 'paidLate'
        ? a.paidLate
        : a.overdue.reduce((n, o) => n + o.invoices, 0);

export function AccountsSection({ accounts }: { accounts: Account[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = (s: Signal) => t(`satisfaction.signal.${s}`);
  const title = (a: Account, s: Signal) => `${a.accountName}: ${label(s)}`;
  const cell = (a: Account, s: Signal) =>
    countOf(a, s) === 0 ? (
      0
    ) : (
      <DrillButton drill={a.drill[s]} title={title(a, s)}>
        {countOf(a, s)}
      </DrillButton>
    );
  if (accounts.length === 0) return <Text c="dimmed">{t('satisfaction.noSignals')}</Text>;
  const colors: Record<Signal, string> = { milestones: 'orange.7', tasks: 'yellow.8', paidLate: 'grape.7', overdue: 'red.7' };
  return (
    <Stack gap="xs" data-testid="account-signals">
      <ReportChart caption={t('satisfaction.signalsCaption')}>
        <DrillBars
          stacked
          items={accounts}
          label={(a) => a.accountName}
          series={SIGNALS.map((s) => ({ name: s, label: label(s), color: colors[s], value: (a: Account) => countOf(a, s) }))}
          drill={(a, s) => ({ drill: a.drill[s as Signal], title: title(a, s as Signal) })}
        />
      </ReportChart>
      <DataTable
        minWidth={760}
        headers={[t('fields.account'), ...SIGNALS.map(label), t('satisfaction.averageDaysLate'), t('satisfaction.overdueAmount')]}
      >
        {accounts.map((a) => (
          <Table.Tr key={a.accountId} data-testid="account-signal-row">
            <Table.Td>
              <AnchorLink to="/accounts/$accountId" params={{ accountId: a.accountId }}>
                {a.accountName}
              </AnchorLink>
            </Table.Td>
            {SIGNALS.map((s) => (
              <Table.Td key={s} ta="right">
                {cell(a, s)}
              </Table.Td>
            ))}
            <Table.Td ta="right">{a.averageDaysLate === null ? '—' : formatNumber(a.averageDaysLate, locale)}</Table.Td>
            <Table.Td ta="right">{a.overdue.map((o) => formatMoney(o.amountMinor, o.currency, locale)).join(' · ') || '—'}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  );
}
