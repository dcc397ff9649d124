/** Documents as a table: number and title, kind, account, status, date and total. */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '@common/schemas/document';
import { DataTable } from '../../components/DataTable';
import { AnchorLink } from '../../components/links';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../../lib/format';
import { DocumentBadge } from './DocumentBadge';

export function DocumentsTable({ documents, showAccount = true }: { documents: DocumentSummary[]; showAccount?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <DataTable
      minWidth={720}
      headers={[
        t('documents.document'),
        t('documents.kind'),
        ...(showAccount ? [t('fields.account')] : []),
        t('fields.status'),
        t('documents.date'),
        t('documents.total'),
      ]}
    >
      {documents.map((d) => (
        <Table.Tr key={d.id} data-testid="document-row">
          <Table.Td>
            <AnchorLink to="/documents/$documentId" params={{ documentId: d.id }}>
              {d.number ?? t('documents.draftNumber')}
            </AnchorLink>
            <Text size="xs" c="dimmed">
              {d.title}
            </Text>
          </Table.Td>
          <Table.Td>{t(`documentKind.${d.kind}`)}</Table.Td>
          {showAccount && <Table.Td>{d.accountName}</Table.Td>}
          <Table.Td>
            <DocumentBadge status={d.status} />
          </Table.Td>
          <Table.Td>{formatCalendarDate(d.issueDate ?? d.createdAt.slice(0, 10), locale)}</Table.Td>
          <Table.Td ta="right">{d.totalMinor ? formatMoney(d.totalMinor, d.currency, locale) : '—'}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
