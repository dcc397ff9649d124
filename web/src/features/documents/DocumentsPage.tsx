/** The documents registry: every document the user may see, by kind, status, account and period, with a CSV export. */
import { Group, Pill, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '@common/enums';
import type { DocumentSummary } from '@common/schemas/document';
import { useCursorList } from '../../api/use-cursor-list';
import { FilterSelect } from '../../components/FilterSelect';
import { ButtonLink } from '../../components/links';
import { EmptyState, ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { ExportMenu } from '../../components/ExportMenu';
import { SearchInput } from '../../components/SearchInput';
import { accountQuery } from '../accounts/api';
import { useMe } from '../auth/session';
import { DocumentsTable } from './DocumentsTable';

const route = getRouteApi('/app/documents');

export function DocumentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useCursorList<DocumentSummary>(['documents', 'list'], '/documents', { ...search, limit: 50 });
  const account = useQuery({ ...accountQuery(search.accountId ?? ''), enabled: Boolean(search.accountId) });
  const filtered = Object.values(search).some(Boolean);
  const setSearch = (patch: Partial<typeof search>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const newButton = me.can.createDocument && (
    <ButtonLink to="/documents/new" search={search.accountId ? { accountId: search.accountId } : {}}>
      {t('documents.new')}
    </ButtonLink>
  );

  return (
    <>
      <PageHeader title={t('documents.title')}>
        {newButton}
        <ExportMenu path="/documents" query={search} />
      </PageHeader>
      <Group align="flex-end" mb="md" gap="sm" role="search">
        <SearchInput label={t('common.search')} value={search.q} onSearch={(q) => setSearch({ q })} />
        <FilterSelect
          label={t('documents.kind')}
          value={search.kind}
          onChange={(kind) => setSearch({ kind })}
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documentKind.${k}`) }))}
        />
        <FilterSelect
          label={t('fields.status')}
          value={search.status}
          onChange={(status) => setSearch({ status })}
          options={DOCUMENT_STATUSES.map((s) => ({ value: s, label: t(`documentStatus.${s}`) }))}
        />
        <TextInput
          type="date"
          label={t('documents.from')}
          value={search.from ?? ''}
          onChange={(e) => setSearch({ from: e.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label={t('documents.to')}
          value={search.to ?? ''}
          onChange={(e) => setSearch({ to: e.currentTarget.value || undefined })}
        />
        {search.accountId && (
          <Pill
            size="lg"
            withRemoveButton
            onRemove={() => setSearch({ accountId: undefined })}
            removeButtonProps={{ 'aria-label': t('documents.clearAccount') }}
          >
            {account.data?.name ?? t('fields.account')}
          </Pill>
        )}
      </Group>
      <ListBody
        list={list}
        empty={
          filtered ? (
            <EmptyState title={t('documents.noMatchesTitle')} body={t('documents.noMatchesBody')} />
          ) : (
            <EmptyState title={t('documents.emptyTitle')} body={t('documents.emptyBody')} action={newButton} />
          )
        }
      >
        <DocumentsTable documents={list.items} />
      </ListBody>
    </>
  );
}
