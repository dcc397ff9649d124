/** One invoice or credit note: amounts, lines, payments and follow-ups, with the next steps it allows. */
import { useState } from 'react';
import { Alert, Button, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../../components/ActionDialog';
import { DataTable } from '../../components/DataTable';
import { Details } from '../../components/Details';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../../lib/format';
import { notify } from '../../lib/notify';
import { fileUrl, useSendInvoice } from '../documents/api';
import { SendDialog } from '../documents/SendDialog';
import { invoiceQuery, useVoidInvoice, type Invoice } from './api';
import { BillingBadge } from './BillingBadge';
import { CreditNoteDialog, IssueDialog, PaymentDialog } from './InvoiceDialogs';
import { InvoiceFollowUps, InvoicePayments } from './InvoiceHistory';

const route = getRouteApi('/app/invoices/$invoiceId');
type Dialog = 'issue' | 'pay' | 'credit' | 'void' | 'send' | null;

/** The next steps the invoice allows the user, as the server says (`invoice.can`). */
function InvoiceActions({ invoice, open }: { invoice: Invoice; open: (d: Dialog) => void }) {
  const { t } = useTranslation();
  const { can } = invoice;
  return (
    <>
      {can.update && (
        <ButtonLink to="/invoices/$invoiceId/edit" params={{ invoiceId: invoice.id }} variant="default">
          {t('common.edit')}
        </ButtonLink>
      )}
      {can.issue && <Button onClick={() => open('issue')}>{t('invoices.issue')}</Button>}
      {can.recordPayment && <Button onClick={() => open('pay')}>{t('invoices.recordPayment')}</Button>}
      {can.creditNote && (
        <Button variant="default" onClick={() => open('credit')}>
          {t('invoices.creditNote')}
        </Button>
      )}
      {can.void && (
        <Button variant="default" color="red" onClick={() => open('void')}>
          {t('invoices.void')}
        </Button>
      )}
      <Button component="a" href={fileUrl(`/invoices/${invoice.id}/pdf`)} target="_blank" rel="noopener" variant="default">
        {t('invoicePaper.pdf')}
      </Button>
      {can.send && (
        <Button variant="default" onClick={() => open('send')}>
          {t('invoicePaper.send')}
        </Button>
      )}
    </>
  );
}

function InvoiceView({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const voidInvoice = useVoidInvoice();
  const sendInvoice = useSendInvoice();
  const [dialog, setDialog] = useState<Dialog>(null);
  const money = (v: number) => formatMoney(v, invoice.currency, locale);
  const date = (d: string | null) => (d ? formatCalendarDate(d, locale) : null);
  const title = invoice.number ? t(`invoiceKind.${invoice.kind}Numbered`, { number: invoice.number }) : t('invoices.draftTitle');
  const close = () => setDialog(null);

  return (
    <Stack gap="lg">
      <PageHeader title={title}>
        <BillingBadge group="invoiceStatus" value={invoice.status} size="lg" data-testid="invoice-status" />
        <InvoiceActions invoice={invoice} open={setDialog} />
      </PageHeader>
      {invoice.status === 'void' && (
        <Alert color="gray" title={t('invoices.voided')}>
          {invoice.voidReason}
        </Alert>
      )}
      <Section title={t('invoices.details')}>
        <Details
          items={[
            [
              t('fields.account'),
              <AnchorLink key="a" to="/accounts/$accountId" params={{ accountId: invoice.accountId }}>
                {invoice.accountName}
              </AnchorLink>,
            ],
            [t('invoices.issueDate'), date(invoice.issueDate)],
            [t('invoices.dueDate'), date(invoice.dueDate)],
            [t('invoices.subtotal'), money(invoice.subtotalMinor)],
            [t('invoices.tax'), money(invoice.taxMinor)],
            [t('invoices.total'), money(invoice.totalMinor)],
            [t('invoices.paid'), money(invoice.paidMinor)],
            [t('invoices.credited'), money(invoice.creditedMinor)],
            [
              t('invoices.balance'),
              <Text key="b" fw={700} span data-testid="invoice-balance">
                {money(invoice.balanceMinor)}
              </Text>,
            ],
            [t('invoices.overdueFor'), invoice.daysOverdue === null ? null : t('accounts.days', { count: invoice.daysOverdue })],
            [
              t('invoices.creditFor'),
              invoice.creditedInvoiceId && (
                <AnchorLink key="c" to="/invoices/$invoiceId" params={{ invoiceId: invoice.creditedInvoiceId }}>
                  {t('invoices.original')}
                </AnchorLink>
              ),
            ],
            [
              t('invoices.fromDocument'),
              invoice.sourceDocument && (
                <AnchorLink key="d" to="/documents/$documentId" params={{ documentId: invoice.sourceDocument.id }}>
                  {t('documents.numbered', {
                    kind: t(`documentKind.${invoice.sourceDocument.kind}`),
                    number: invoice.sourceDocument.number ?? '',
                  })}
                </AnchorLink>
              ),
            ],
            [t('invoices.notes'), invoice.notes],
          ]}
        />
      </Section>
      <Section title={t('invoices.lines')}>
        <DataTable
          headers={[
            t('invoices.description'),
            t('invoices.quantity'),
            t('invoices.unitPrice'),
            t('invoices.taxPercent'),
            t('invoices.lineTotal'),
          ]}
        >
          {invoice.lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{l.description}</Table.Td>
              <Table.Td>{l.quantity.toLocaleString(locale)}</Table.Td>
              <Table.Td>{money(l.unitPriceMinor)}</Table.Td>
              <Table.Td>{l.taxPercent.toLocaleString(locale)}%</Table.Td>
              <Table.Td ta="right">{money(l.totalMinor)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Section>
      {invoice.kind === 'invoice' && invoice.status !== 'draft' && <InvoicePayments invoice={invoice} />}
      {invoice.kind === 'invoice' && invoice.status !== 'draft' && <InvoiceFollowUps invoice={invoice} />}
      {dialog === 'issue' && <IssueDialog invoice={invoice} opened onClose={close} />}
      {dialog === 'pay' && <PaymentDialog invoice={invoice} opened onClose={close} />}
      {dialog === 'credit' && <CreditNoteDialog invoice={invoice} opened onClose={close} />}
      <SendDialog
        accountId={invoice.accountId}
        title={t('invoicePaper.sendTitle', { number: invoice.number })}
        opened={dialog === 'send'}
        onClose={close}
        onSend={async (body) => {
          const sent = await sendInvoice.mutateAsync({ invoiceId: invoice.id, body });
          notify({ color: 'green', message: t('invoicePaper.sent', { to: sent.recipients.join(', ') }) });
        }}
      />
      <ActionDialog
        opened={dialog === 'void'}
        onClose={close}
        title={t('invoices.voidTitle')}
        body={t('invoices.voidBody')}
        note={{ label: t('invoices.voidReason'), missing: t('invoices.reasonRequired'), field: 'reason' }}
        confirmLabel={t('invoices.void')}
        confirmColor="red"
        onConfirm={(reason) => voidInvoice.mutateAsync({ invoice, reason })}
      />
    </Stack>
  );
}

export function InvoicePage() {
  const { invoiceId } = route.useParams();
  const query = useQuery(invoiceQuery(invoiceId));
  return <RecordGate query={query}>{(invoice) => <InvoiceView invoice={invoice} />}</RecordGate>;
}
