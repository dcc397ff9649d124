/** Admin: who changed what and when, filtered by record type, record and person, in words. */
import { Badge, Group, List, Table, Text, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@common/schemas/audit';
import { useCursorList } from '../../api/use-cursor-list';
import { DataTable } from '../../components/DataTable';
import { FilterSelect } from '../../components/FilterSelect';
import { AnchorLink } from '../../components/links';
import { EmptyState, ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { ExportMenu } from '../../components/ExportMenu';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useUserNames } from '../users/api';
import { UserFilter } from '../users/UserPicker';
import { fieldLabel, formatValue, referencedIds } from './audit-values';

const route = getRouteApi('/app/audit');

/** The kinds of records the server writes to the audit log. */
const RECORD_TYPES = [
  'account',
  'contact',
  'portal_invitation',
  'interaction',
  'next_step',
  'project',
  'milestone',
  'requirement',
  'brief',
  'task',
  'invoice',
  'payment',
  'billing_action',
  'document',
  'user',
  'api_token',
  'two_factor',
  'settings',
  'brief_template',
  'service',
] as const;

/** The record by its name, linked to its page where it has one (the account's page for what lives there). */
function RecordLink({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const name = entry.recordLabel ?? t(`recordType.${entry.recordType}`, { defaultValue: entry.recordType });
  const gone = entry.action === 'delete';
  const { accountId, projectId } = entry.context;
  if (!gone && entry.recordType === 'account')
    return (
      <AnchorLink to="/accounts/$accountId" params={{ accountId: entry.recordId }}>
        {name}
      </AnchorLink>
    );
  if (!gone && entry.recordType === 'contact')
    return (
      <AnchorLink to="/contacts/$contactId" params={{ contactId: entry.recordId }}>
        {name}
      </AnchorLink>
    );
  if (!gone && entry.recordType === 'project')
    return (
      <AnchorLink to="/projects/$projectId" params={{ projectId: entry.recordId }}>
        {name}
      </AnchorLink>
    );
  if (!gone && entry.recordType === 'invoice')
    return (
      <AnchorLink to="/invoices/$invoiceId" params={{ invoiceId: entry.recordId }}>
        {name}
      </AnchorLink>
    );
  if (!gone && entry.recordType === 'document')
    return (
      <AnchorLink to="/documents/$documentId" params={{ documentId: entry.recordId }}>
        {name}
      </AnchorLink>
    );
  if (projectId)
    return (
      <AnchorLink to="/projects/$projectId" params={{ projectId }}>
        {name}
      </AnchorLink>
    );
  if (accountId)
    return (
      <AnchorLink to="/accounts/$accountId" params={{ accountId }}>
        {name}
      </AnchorLink>
    );
  return <Text span>{name}</Text>;
}

function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const nameOf = useUserNames(referencedIds(entry.changes));
  const context = { entry, t, locale, nameOf: (id: string) => nameOf(id) };
  const fields = Object.entries(entry.changes);
  return (
    <List size="sm" spacing={2}>
      {fields.map(([field, { before, after }]) => (
        <List.Item key={field}>
          <strong>{fieldLabel(field, t)}</strong>:{' '}
          {entry.action === 'update'
            ? `${formatValue(field, before, context)} → ${formatValue(field, after, context)}`
            : formatValue(field, entry.action === 'delete' ? before : after, context)}
        </List.Item>
      ))}
    </List>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useCursorList<AuditEntry>(['audit'], '/audit-log', { ...search, limit: 50 });
  const setSearch = (patch: Partial<typeof search>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  return (
    <>
      <PageHeader title={t('audit.title')}>
        <ExportMenu path="/audit-log" query={search} />
      </PageHeader>
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
        <UserFilter label={t('audit.actor')} value={search.actorId} onChange={(actorId) => setSearch({ actorId })} />
      </Group>
      <ListBody list={list} empty={<EmptyState title={t('audit.emptyTitle')} body={t('audit.emptyBody')} />}>
        <DataTable minWidth={760} headers={[t('audit.when'), t('audit.actor'), t('audit.action'), t('audit.record'), t('audit.changes')]}>
          {list.items.map((entry) => (
            <Table.Tr key={entry.id} data-testid="audit-entry">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, locale)}</Table.Td>
              <Table.Td>{entry.actorName ?? t('audit.system')}</Table.Td>
              <Table.Td>
                {/* The label wraps instead of being cut off. */}
                <Badge styles={{ label: { overflow: 'visible', textOverflow: 'clip' } }}>{t(`audit.actions.${entry.action}`)}</Badge>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {t(`recordType.${entry.recordType}`, { defaultValue: entry.recordType })}
                </Text>
                <RecordLink entry={entry} />
              </Table.Td>
              <Table.Td>
                <Changes entry={entry} />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </ListBody>
    </>
  );
}
