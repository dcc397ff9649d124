import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { invoiceQuery } from './api';
import { InvoiceForm } from './InvoiceForm';

const route = getRouteApi('/app/invoices/$invoiceId/edit');

/** Changing a draft's lines; an issued invoice is corrected with a credit note instead. */
export function InvoiceEditPage() {
  const { t } = useTranslation();
  const { invoiceId } = route.useParams();
  const navigate = useNavigate();
  const query = useQuery(invoiceQuery(invoiceId));
  return (
    <RecordGate query={query} allowed={(invoice) => invoice.can.update}>
      {(invoice) => (
        <>
          <PageHeader title={t('invoices.edit')} />
          <InvoiceForm
            invoice={invoice}
            onReload={() => query.refetch()}
            onSaved={() => void navigate({ to: '/invoices/$invoiceId', params: { invoiceId } })}
          />
        </>
      )}
    </RecordGate>
  );
}
