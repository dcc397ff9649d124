/** What happened to an issued invoice: payments (reversible) and the follow-up levels it reached. */
import { useState } from 'react';
import { Button, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../../components/ActionDialog';
import { DataTable } from '../../components/DataTable';
import { ExportMenu } from '../../components/ExportMenu';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../../lib/format';
import { invoiceFollowUpsQuery, invoicePaymentsQuery, useReversePayment, type Invoice, type Payment } from './api';
import { BillingBadge } from './BillingBadge';
import { emailErrorText } from '../../lib/problems';

export function InvoicePayments({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const payments = useQuery(invoicePaymentsQuery(invoice.id));
  const reverse = useReversePayment();
  const [reversing, setReversing] = useState<Payment | null>(null);
  const rows = payments.data ?? [];
  return (
    <Section
      title={t('invoices.payments')}
      actions={rows.length > 0 && <ExportMenu path="/payments" query={{ invoiceId: invoice.id }} label={t('exports.payments')} />}
    >
      {rows.length === 0 ? (
        <Text c="dimmed">{t('invoices.noPayments')}</Text>
      ) : (
        <DataTable
          headers={[
            t('invoices.paidOn'),
            t('invoices.paymentAmountShort'),
            t('invoices.method'),
            t('invoices.reference'),
            t('fields.status'),
            '',
          ]}
        >
          {rows.map((p) => (
            <Table.Tr key={p.id} data-testid="payment-row">
              <Table.Td>{formatCalendarDate(p.paidOn, locale)}</Table.Td>
              <Table.Td>{formatMoney(p.amountMinor, p.currency, locale)}</Table.Td>
              <Table.Td>{p.method ?? '—'}</Table.Td>
              <Table.Td>{p.reference ?? '—'}</Table.Td>
              <Table.Td>
                <BillingBadge group="paymentStatus" value={p.status} />
                {p.reversalReason && <Text size="xs">{p.reversalReason}</Text>}
              </Table.Td>
              <Table.Td>
                {p.can.reverse && (
                  <Button size="xs" variant="default" onClick={() => setReversing(p)}>
                    {t('invoices.reverse')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <ActionDialog
        opened={reversing !== null}
        onClose={() => setReversing(null)}
        title={t('invoices.reverseTitle')}
        body={t('invoices.reverseBody')}
        note={{ label: t('invoices.reverseReason'), missing: t('invoices.reasonRequired'), field: 'reason' }}
        confirmLabel={t('invoices.reverse')}
        confirmColor="red"
        onConfirm={(reason) => reverse.mutateAsync({ payment: reversing!, reason })}
      />
    </Section>
  );
}

export function InvoiceFollowUps({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const levels = useQuery(invoiceFollowUpsQuery(invoice.id));
  const rows = levels.data ?? [];
  const levelName = (days: number) =>
    days < 0 ? t('followUps.levelBefore', { count: -days }) : t('followUps.levelAfter', { count: days });
  return (
    <Section title={t('followUps.title')}>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('followUps.noneForInvoice')}</Text>
      ) : (
        <DataTable headers={[t('followUps.level'), t('followUps.date'), t('followUps.email')]}>
          {rows.map((r) => (
            <Table.Tr key={r.levelDays}>
              <Table.Td>{levelName(r.levelDays)}</Table.Td>
              <Table.Td>{formatCalendarDate(r.runDate, locale)}</Table.Td>
              <Table.Td>
                {r.emailStatus ? <BillingBadge group="emailStatus" value={r.emailStatus} /> : t('followUps.noEmail')}
                {r.lastError && r.emailStatus !== 'sent' && <Text size="xs">{emailErrorText(r.lastError)}</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Section>
  );
}
