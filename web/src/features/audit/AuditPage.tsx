/** Admin: who changed what and when, filtered by record type, record and person. */
import { Badge, Code, Group, List, Table, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import type { AuditEntry } from '@common/schemas/audit';
import { useCursorList } from '../../api/use-cursor-list';
import { DataTable } from '../../components/DataTable';
import { EmptyState, ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useUserDirectory } from '../users/api';
import { FilterSelect } from '../../components/FilterSelect';

const route = getRouteApi('/app/audit');

/** The kinds of records the server writes to the audit log. */
const RECORD_TYPES = ['account', 'contact', 'interaction', 'user', 'api_token', 'two_factor'] as const;

const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

function RecordLink({ entry }: { entry: AuditEntry }) {
  if (entry.recordType === 'account' && entry.action !== 'delete')
    return (
      <AnchorLink to="/accounts/$accountId" params={{ accountId: entry.recordId }}>
        <Code>{entry.recordId}</Code>
      </AnchorLink>
    );
  if (entry.recordType === 'contact' && entry.action !== 'delete')
    return (
      <AnchorLink to="/contacts/$contactId" params={{ contactId: entry.recordId }}>
        <Code>{entry.recordId}</Code>
      </AnchorLink>
    );
  return <Code>{entry.recordId}</Code>;
}

export function AuditPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { users } = useUserDirectory();
  const list = useCursorList<AuditEntry>(['audit'], '/audit-log', { ...search, limit: 50 });
  const setSearch = (patch: Partial<typeof search>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Group align="flex-end" mb="md" role="search">
        <FilterSelect
          label={t('audit.recordType')}
          value={search.recordType}
          onChange={(v) => setSearch({ recordType: v })}
          options={RECORD_TYPES.map((r) => ({ value: r, label: t(`recordType.${r}`) }))}
        />
        <TextInput
          label={t('audit.recordId')}
          defaultValue={search.recordId ?? ''}
          onBlur={(e) => setSearch({ recordId: e.currentTarget.value.trim() || undefined })}
          onKeyDown={(e) => e.key === 'Enter' && setSearch({ recordId: e.currentTarget.value.trim() || undefined })}
        />
        <FilterSelect
          label={t('audit.actor')}
          value={search.actorId}
          onChange={(v) => setSearch({ actorId: v })}
          options={users.map((u) => ({ value: u.id, label: u.name }))}
        />
      </Group>
      <ListBody list={list} empty={<EmptyState title={t('audit.emptyTitle')} body={t('audit.emptyBody')} />}>
        <DataTable minWidth={760} headers={[t('audit.when'), t('audit.actor'), t('audit.action'), t('audit.record'), t('audit.changes')]}>
          {list.items.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{formatDateTime(entry.at, locale)}</Table.Td>
              <Table.Td>{entry.actorName ?? t('audit.system')}</Table.Td>
              <Table.Td>
                <Badge>{t(`audit.actions.${entry.action}`)}</Badge>
              </Table.Td>
              <Table.Td>
                {t(`recordType.${entry.recordType}`, { defaultValue: entry.recordType })} <RecordLink entry={entry} />
              </Table.Td>
              <Table.Td>
                <List size="sm" spacing={2}>
                  {Object.entries(entry.changes).map(([field, { before, after }]) => (
                    <List.Item key={field}>
                      <strong>{field}</strong>: {show(before)} → {show(after)}
                    </List.Item>
                  ))}
                </List>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </ListBody>
    </>
  );
}
