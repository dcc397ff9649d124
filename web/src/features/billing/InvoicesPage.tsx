/** Every invoice the user may see: by status, by account, or one aging bucket drilled into from receivables. */
import { CloseButton, Group, Pill } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { INVOICE_STATUSES } from '@common/enums';
import type { InvoiceSummary } from '@common/schemas/invoice';
import { useCursorList } from '../../api/use-cursor-list';
import { ButtonLink } from '../../components/links';
import { invoicesAdvice } from '../../components/empty-advice';
import { AdvisedEmptyState, EmptyState, ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { ExportMenu } from '../../components/ExportMenu';
import { SearchInput } from '../../components/SearchInput';
import { accountQuery } from '../accounts/api';
import { useMe } from '../auth/session';
import { InvoicesTable } from './InvoicesTable';
import { FilterSelect } from '../../components/FilterSelect';

const route = getRouteApi('/app/invoices');

export function InvoicesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useCursorList<InvoiceSummary>(['invoices', 'list'], '/invoices', { ...search, limit: 50 });
  const account = useQuery({ ...accountQuery(search.accountId ?? ''), enabled: Boolean(search.accountId) });
  const filtered = Object.values(search).some(Boolean);
  const setSearch = (patch: Partial<typeof search>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const newButton = me.can.createInvoice && (
    <ButtonLink to="/invoices/new" search={search.accountId ? { accountId: search.accountId } : {}}>
      {t('invoices.new')}
    </ButtonLink>
  );

  return (
    <>
      <PageHeader title={t('invoices.title')}>
        {newButton}
        <ExportMenu path="/invoices" query={search} />
      </PageHeader>
      <Group align="flex-end" mb="md" gap="sm" role="search">
        <SearchInput label={t('common.search')} value={search.q} onSearch={(q) => setSearch({ q })} />
        <FilterSelect
          label={t('fields.status')}
          value={search.status}
          onChange={(v) => setSearch({ status: v })}
          options={[
            { value: 'open', label: t('invoices.open') },
            ...INVOICE_STATUSES.map((s) => ({ value: s, label: t(`invoiceStatus.${s}`) })),
          ]}
        />
        {search.accountId && (
          <Pill
            size="lg"
            withRemoveButton
            onRemove={() => setSearch({ accountId: undefined })}
            removeButtonProps={{ 'aria-label': t('invoices.clearAccount') }}
          >
            {account.data?.name ?? t('fields.account')}
          </Pill>
        )}
        {search.bucket && (
          <Group gap={4}>
            <Pill size="lg">{t('invoices.inBucket', { bucket: t(`agingBucket.${search.bucket}`) })}</Pill>
            <CloseButton aria-label={t('invoices.clearBucket')} onClick={() => setSearch({ bucket: undefined })} />
          </Group>
        )}
      </Group>
      <ListBody
        list={list}
        empty={
          filtered ? (
            <EmptyState title={t('invoices.noMatchesTitle')} body={t('invoices.noMatchesBody')} />
          ) : (
            <AdvisedEmptyState advice={invoicesAdvice(me.can)} />
          )
        }
      >
        <InvoicesTable invoices={list.items} />
      </ListBody>
    </>
  );
}
