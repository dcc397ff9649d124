import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { InvoiceForm } from './InvoiceForm';

const route = getRouteApi('/app/invoices/new');

/** A new draft invoice, for the account the user came from when they came from one. */
export function InvoiceCreatePage() {
  const { t } = useTranslation();
  const { accountId } = route.useSearch();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('invoices.new')} />
      <InvoiceForm
        accountId={accountId}
        onSaved={(invoice) => void navigate({ to: '/invoices/$invoiceId', params: { invoiceId: invoice.id } })}
      />
    </>
  );
}
