/** All accounts the user may see: search, filters, sortable columns and "load more". */
import { Badge, Group, Table } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink } from '../../components/links';
import { ACCOUNT_OWNER_ROLES, ACCOUNT_STATUSES } from '@common/enums';
import type { Account } from '@common/schemas/account';
import { useCursorList } from '../../api/use-cursor-list';
import { DataTable } from '../../components/DataTable';
import { accountsAdvice } from '../../components/empty-advice';
import { AdvisedEmptyState, EmptyState, ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { ExportMenu } from '../../components/ExportMenu';
import { SearchInput } from '../../components/SearchInput';
import { SortableTh } from '../../components/SortableTh';
import { useLocale } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useMe } from '../auth/session';
import { UserName } from '../users/UserName';
import { UserFilter } from '../users/UserPicker';
import { FilterSelect } from '../../components/FilterSelect';
import { AccountFlagBadges } from './AccountFlagBadges';
import { useProgressiveItems } from '../../lib/use-progressive-items';
import { HealthGradeBadge } from '../health/HealthGradeBadge';

const route = getRouteApi('/app/accounts');

export function AccountsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const sort = search.sort ?? 'name';
  const list = useCursorList<Account>(['accounts', 'list'], '/accounts', { ...search, sort, limit: 50 });
  const filtered = Boolean(search.q || search.status || search.ownerId);
  const rows = useProgressiveItems(list.items);

  const setSearch = (patch: Partial<typeof search>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  const sortProps = { sort, onSort: (s: string) => setSearch({ sort: s }) };
  const newButton = me.can.createAccount && (
    <>
      <ButtonLink to="/accounts/new">{t('accounts.new')}</ButtonLink>
      <ButtonLink to="/imports" variant="default">
        {t('accounts.import')}
      </ButtonLink>
    </>
  );

  return (
    <>
      <PageHeader title={t('accounts.title')}>
        {newButton}
        {me.can.seeAccounts && <ExportMenu path="/accounts" query={{ ...search, sort }} />}
      </PageHeader>
      {/* Those who reach no account have nothing to filter. */}
      {me.can.seeAccounts && (
        <Group align="flex-end" mb="md" gap="sm" role="search">
          <SearchInput label={t('common.search')} value={search.q} onSearch={(q) => setSearch({ q })} />
          <FilterSelect
            label={t('fields.status')}
            value={search.status}
            onChange={(v) => setSearch({ status: v })}
            options={ACCOUNT_STATUSES.map((s) => ({ value: s, label: t(`accountStatus.${s}`) }))}
          />
          <UserFilter
            label={t('fields.owner')}
            roles={ACCOUNT_OWNER_ROLES}
            value={search.ownerId}
            onChange={(ownerId) => setSearch({ ownerId })}
          />
        </Group>
      )}
      <ListBody
        list={list}
        empty={
          filtered ? (
            <EmptyState title={t('accounts.noMatchesTitle')} body={t('accounts.noMatchesBody')} />
          ) : (
            <AdvisedEmptyState advice={accountsAdvice(me.can)} />
          )
        }
      >
        <DataTable
          headers={[
            <SortableTh field="name" label={t('fields.name')} {...sortProps} />,
            t('fields.status'),
            ...(me.can.seeInteractions ? [<SortableTh field="healthScore" label={t('fields.health')} {...sortProps} />] : []),
            t('fields.owner'),
            t('fields.industry'),
            <SortableTh field="createdAt" label={t('fields.createdAt')} {...sortProps} />,
            <SortableTh field="updatedAt" label={t('fields.updatedAt')} {...sortProps} />,
          ]}
        >
          {rows.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <AnchorLink to="/accounts/$accountId" params={{ accountId: a.id }}>
                  {a.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="wrap">
                  <Badge>{t(`accountStatus.${a.status}`)}</Badge>
                  <AccountFlagBadges flags={a.flags} size="sm" />
                </Group>
              </Table.Td>
              {me.can.seeInteractions && (
                <Table.Td>
                  <HealthGradeBadge grade={a.health?.grade ?? null} score={a.health?.score ?? null} size="sm" />
                </Table.Td>
              )}
              <Table.Td>
                <UserName id={a.ownerId} />
              </Table.Td>
              <Table.Td>{a.industry ?? '—'}</Table.Td>
              <Table.Td>{formatDate(a.createdAt, locale)}</Table.Td>
              <Table.Td>{formatDate(a.updatedAt, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </ListBody>
    </>
  );
}
