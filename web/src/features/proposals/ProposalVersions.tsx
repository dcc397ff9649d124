/** Every version of a proposal, oldest first: when it was sent, its number in the registry with its PDF, and its total. */
import { Anchor, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '@common/schemas/proposal';
import { DataTable } from '../../components/DataTable';
import { describeError } from '../../components/describe-error';
import { PageLoader } from '../../components/RouteStates';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatDateTime, formatMoney } from '../../lib/format';
import { documentPdfUrl, proposalVersionsQuery } from './api';

export function ProposalVersions({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const versions = useQuery(proposalVersionsQuery(proposal.id));
  let body;
  if (versions.isPending) body = <PageLoader />;
  else if (versions.isError)
    body = (
      <Text c="red" role="alert">
        {describeError(versions.error, t)}
      </Text>
    );
  else
    body = (
      <DataTable
        headers={[
          t('proposals.fields.version'),
          t('proposals.fields.sentAt'),
          t('proposals.fields.validUntil'),
          t('proposals.total'),
          t('proposals.fields.pdf'),
        ]}
        minWidth={560}
      >
        {versions.data.map((v) => (
          <Table.Tr key={v.number} data-testid="proposal-version">
            <Table.Td>{t('proposals.versionN', { n: v.number })}</Table.Td>
            <Table.Td>{v.sentAt ? formatDateTime(v.sentAt, locale) : t('proposals.notSentYet')}</Table.Td>
            <Table.Td>{formatCalendarDate(v.validUntil, locale)}</Table.Td>
            <Table.Td>{formatMoney(v.totalMinor, proposal.currency, locale)}</Table.Td>
            <Table.Td>
              {v.documentId ? (
                <Anchor href={documentPdfUrl(v.documentId)} target="_blank" rel="noopener" size="sm">
                  {t('proposals.pdfNamed', { number: v.documentNumber ?? v.number })}
                </Anchor>
              ) : (
                '—'
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    );
  return <Section title={t('proposals.versions')}>{body}</Section>;
}
