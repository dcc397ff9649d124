/** The portal's documents: those sent to the client's company, and its people, nothing internal. */
import { Anchor, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@common/schemas/contact';
import { useCursorList } from '../../api/use-cursor-list';
import { DataTable } from '../../components/DataTable';
import { EmptyState, ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
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

export function PortalDocumentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const accountId = me.user.accountId;
  return (
    <PortalShell>
      <PageHeader title={t('portal.nav.documents')} />
      {accountId ? (
        <Stack gap="lg">
          <Section title={t('portal.documents')}>
            <PortalDocuments />
          </Section>
          <Section title={t('portal.contacts')}>
            <CompanyContacts accountId={accountId} />
          </Section>
        </Stack>
      ) : (
        <EmptyState title={t('portal.title')} body={t('portal.noCompany')} />
      )}
    </PortalShell>
  );
}
