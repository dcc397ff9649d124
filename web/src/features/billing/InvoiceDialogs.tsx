/** The steps after a draft: issuing (with credit warnings first), recording a payment, crediting. */
import { useState } from 'react';
import { Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../components/FormDialog';
import { PageLoader } from '../../components/RouteStates';
import { useLocale } from '../../i18n';
import { formatMoney, minorToDecimal, parseMoney } from '../../lib/format';
import { exposureQuery, useCreditNote, useIssueInvoice, useRecordPayment, type Invoice } from './api';
import { CreditWarnings } from './CreditWarnings';

/** Today's date in the browser, as YYYY-MM-DD. */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

interface DialogProps {
  invoice: Invoice;
  opened: boolean;
  onClose: () => void;
}

/** Issuing: the server's credit warnings for adding this total are shown before the user confirms. */
export function IssueDialog({ invoice, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const issue = useIssueInvoice();
  const [issueDate, setIssueDate] = useState(today());
  const exposure = useQuery({ ...exposureQuery(invoice.accountId, invoice.totalMinor), enabled: opened });
  const warnings = exposure.data?.warnings ?? [];
  return (
    <FormDialog
      title={t('invoices.issueTitle')}
      opened={opened}
      onClose={onClose}
      submitLabel={warnings.length ? t('invoices.issueAnyway') : t('invoices.issue')}
      onSubmit={async () => void (await issue.mutateAsync({ invoice, issueDate }))}
    >
      <Text size="sm">{t('invoices.issueBody', { total: formatMoney(invoice.totalMinor, invoice.currency, locale) })}</Text>
      {exposure.isPending ? <PageLoader /> : <CreditWarnings warnings={warnings} />}
      <TextInput
        type="date"
        label={t('invoices.issueDate')}
        description={t('invoices.issueDateHint')}
        value={issueDate}
        max={today()}
        onChange={(e) => setIssueDate(e.currentTarget.value)}
      />
    </FormDialog>
  );
}

/** Recording a payment; one key per opening of the dialog, so a double submit records it once. */
export function PaymentDialog({ invoice, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const record = useRecordPayment();
  const [amount, setAmount] = useState(minorToDecimal(invoice.balanceMinor, invoice.currency));
  const [paidOn, setPaidOn] = useState(today());
  const [method, setMethod] = useState('');
  const [reference, setReference] = useState('');
  const [key] = useState(() => crypto.randomUUID());
  const [amountError, setAmountError] = useState<string>();
  return (
    <FormDialog
      title={t('invoices.recordPayment')}
      opened={opened}
      onClose={onClose}
      submitLabel={t('invoices.recordPayment')}
      onSubmit={async () => {
        const amountMinor = parseMoney(amount, invoice.currency, locale);
        if (!amountMinor) {
          setAmountError(t('accounts.badAmount'));
          throw new Error(t('accounts.badAmount'));
        }
        setAmountError(undefined);
        await record.mutateAsync({
          idempotencyKey: key,
          body: { invoiceId: invoice.id, amountMinor, paidOn, method: method || null, reference: reference || null },
        });
      }}
    >
      <Text size="sm">{t('invoices.owed', { amount: formatMoney(invoice.balanceMinor, invoice.currency, locale) })}</Text>
      <TextInput
        label={t('invoices.paymentAmount', { currency: invoice.currency })}
        inputMode="decimal"
        required
        value={amount}
        error={amountError}
        onChange={(e) => setAmount(e.currentTarget.value)}
        data-autofocus
      />
      <TextInput
        type="date"
        label={t('invoices.paidOn')}
        required
        value={paidOn}
        max={today()}
        onChange={(e) => setPaidOn(e.currentTarget.value)}
      />
      <TextInput
        label={t('invoices.method')}
        placeholder={t('invoices.methodHint')}
        value={method}
        onChange={(e) => setMethod(e.currentTarget.value)}
      />
      <TextInput label={t('invoices.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
    </FormDialog>
  );
}

/** A credit note: the whole open balance, or an amount the user gives, with the reason. */
export function CreditNoteDialog({ invoice, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const credit = useCreditNote();
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState<string>();
  return (
    <FormDialog
      title={t('invoices.creditTitle')}
      opened={opened}
      onClose={onClose}
      submitLabel={t('invoices.creditNote')}
      onSubmit={async () => {
        const amountMinor = amount.trim() ? parseMoney(amount, invoice.currency, locale) : null;
        if (amountMinor === undefined || amountMinor === 0) {
          setAmountError(t('accounts.badAmount'));
          throw new Error(t('accounts.badAmount'));
        }
        setAmountError(undefined);
        const lines = amountMinor
          ? [{ description: reason || t('invoices.creditNote'), quantity: 1, unitPriceMinor: amountMinor, taxPercent: 0 }]
          : undefined;
        await credit.mutateAsync({ invoice, body: { reason, lines } });
      }}
    >
      <TextInput
        label={t('invoices.creditReason')}
        required
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        data-autofocus
      />
      <TextInput
        label={t('invoices.creditAmount', { currency: invoice.currency })}
        description={t('invoices.creditAmountHint', { amount: formatMoney(invoice.balanceMinor, invoice.currency, locale) })}
        inputMode="decimal"
        value={amount}
        error={amountError}
        onChange={(e) => setAmount(e.currentTarget.value)}
      />
    </FormDialog>
  );
}
