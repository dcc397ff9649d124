/** A table of contacts, with or without the account column. */
import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { AnchorLink } from '../../components/links';
import type { Contact } from '@common/schemas/contact';
import { contactName } from './api';

export function ContactsTable({ contacts, showAccount }: { contacts: Contact[]; showAccount: boolean }) {
  const { t } = useTranslation();
  return (
    <DataTable
      minWidth={600}
      headers={[
        t('fields.personName'),
        ...(showAccount ? [t('fields.account')] : []),
        t('fields.position'),
        t('fields.decisionRole'),
        t('fields.email'),
        t('fields.phone'),
      ]}
    >
      {contacts.map((c) => (
        <Table.Tr key={c.id}>
          <Table.Td>
            <AnchorLink to="/contacts/$contactId" params={{ contactId: c.id }}>
              {contactName(c)}
            </AnchorLink>
          </Table.Td>
          {showAccount && (
            <Table.Td>
              <AnchorLink to="/accounts/$accountId" params={{ accountId: c.accountId }}>
                {c.accountName}
              </AnchorLink>
            </Table.Td>
          )}
          <Table.Td>{c.position ?? '—'}</Table.Td>
          <Table.Td>{c.decisionRole ? t(`decisionRole.${c.decisionRole}`) : '—'}</Table.Td>
          <Table.Td>{c.email ? <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor> : '—'}</Table.Td>
          <Table.Td>{c.phone ?? '—'}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
