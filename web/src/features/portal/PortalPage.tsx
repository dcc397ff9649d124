/** The client portal: a client user's own company, the documents sent to it and its contacts, nothing internal. */
import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@common/schemas/contact';
import { useCursorList } from '../../api/use-cursor-list';
import { DataTable } from '../../components/DataTable';
import { EmptyState, ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { accountQuery } from '../accounts/api';
import { useMe } from '../auth/session';
import { contactName } from '../contacts/api';
import { PortalDocuments } from './PortalDocuments';
import { PortalShell } from './PortalShell';

function CompanyContacts({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const list = useCursorList<Contact>(['contacts', 'list'], '/contacts', { accountId, limit: 50 });
  return (
    <ListBody list={list} empty={<EmptyState title={t('contacts.noneTitle')} body={t('portal.noContacts')} />}>
      <DataTable headers={[t('fields.personName'), t('fields.position'), t('fields.email'), t('fields.phone')]} minWidth={480}>
        {list.items.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>{contactName(c)}</Table.Td>
            <Table.Td>{c.position ?? '—'}</Table.Td>
            <Table.Td>{c.email ? <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor> : '—'}</Table.Td>
            <Table.Td>{c.phone ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </ListBody>
  );
}

export function PortalPage() {
  const { t } = useTranslation();
  const me = useMe();
  const accountId = me.user.accountId ?? '';
  const account = useQuery({ ...accountQuery(accountId), enabled: Boolean(accountId) });

  return (
    <PortalShell>
      {accountId ? (
        <RecordGate query={account}>
          {(company) => (
            <Stack gap="lg">
              <PageHeader title={company.name} />
              <Text>{t('portal.welcome', { name: me.user.name })}</Text>
              <Section title={t('portal.documents')}>
                <PortalDocuments />
              </Section>
              <Section title={t('portal.contacts')}>
                <CompanyContacts accountId={company.id} />
              </Section>
            </Stack>
          )}
        </RecordGate>
      ) : (
        <EmptyState title={t('portal.title')} body={t('portal.noCompany')} />
      )}
    </PortalShell>
  );
}
