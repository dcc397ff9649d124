/** The account's chain from delivered work to money, one row per act: act (status) → invoice (status) → paid. */
import { Alert, Group, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { AnchorLink } from '../../components/links';
import { PageLoader } from '../../components/RouteStates';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../../lib/format';
import { BillingBadge } from '../billing/BillingBadge';
import { DocumentBadge } from '../documents/DocumentBadge';
import { actChainQuery, type ActChainLink } from './api';
import './catalogue';

function Row({ link }: { link: ActChainLink }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { act, invoice } = link;
  const day = (d: string | null) => (d ? formatCalendarDate(d, locale) : '…');
  return (
    <Table.Tr data-testid="act-chain-row">
      <Table.Td>{act.periodFrom || act.periodTo ? `${day(act.periodFrom)} — ${day(act.periodTo)}` : '—'}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <AnchorLink to="/documents/$documentId" params={{ documentId: act.id }}>
            {act.number ?? t('acts.draftAct')}
          </AnchorLink>
          <DocumentBadge status={act.status} />
        </Group>
        <Text size="xs" c="dimmed">
          {act.projectName ?? ''} {formatMoney(act.totalMinor, act.currency, locale)}
        </Text>
      </Table.Td>
      <Table.Td>
        {invoice ? (
          <Group gap="xs" wrap="nowrap">
            <AnchorLink to="/invoices/$invoiceId" params={{ invoiceId: invoice.id }}>
              {invoice.number ?? t('acts.draftInvoice')}
            </AnchorLink>
            <BillingBadge group="invoiceStatus" value={invoice.status} />
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {act.status === 'signed' ? t('acts.notInvoiced') : t('acts.afterSignature')}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">
        {invoice ? (
          <Text size="sm" fw={invoice.status === 'paid' ? 700 : undefined}>
            {t('acts.paidOf', {
              paid: formatMoney(invoice.paidMinor, invoice.currency, locale),
              total: formatMoney(invoice.totalMinor, invoice.currency, locale),
            })}
          </Text>
        ) : (
          '—'
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function ActChain({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const chain = useQuery(actChainQuery(accountId));
  return (
    <Section title={t('acts.chainTitle')}>
      {chain.isPending ? (
        <PageLoader />
      ) : chain.isError ? (
        <Alert color="red">{t('errors.loadFailed')}</Alert>
      ) : chain.data.length === 0 ? (
        <Text c="dimmed">{t('acts.chainEmpty')}</Text>
      ) : (
        <DataTable headers={[t('acts.period'), t('acts.act'), t('acts.invoice'), t('acts.paid')]} minWidth={560}>
          {chain.data.map((link) => (
            <Row key={link.act.id} link={link} />
          ))}
        </DataTable>
      )}
    </Section>
  );
}
