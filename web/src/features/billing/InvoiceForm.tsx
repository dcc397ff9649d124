/** A draft invoice: the account, its lines and a note. Totals are computed by the server when it is saved. */
import { Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { InvoiceCreateSchema, InvoiceUpdateSchema, type Invoice } from '@common/schemas/invoice';
import { FormActions } from '../../components/FormActions';
import { FormAlerts } from '../../components/FormAlerts';
import { useLocale } from '../../i18n';
import { validateWith, type Conversion } from '../../lib/forms';
import { useSubmit } from '../../lib/use-submit';
import { AccountPicker } from '../accounts/AccountPicker';
import { accountQuery } from '../accounts/api';
import { useSaveDraft } from './api';
import { LinesEditor } from './LinesEditor';
import { LINE_RENAMES, emptyLine, invoiceToValues, valuesToInvoice, type InvoiceFormValues } from './invoice-form-values';

interface Props {
  invoice?: Invoice;
  accountId?: string;
  onSaved: (invoice: Invoice) => void;
  onReload?: () => Promise<unknown>;
}

export function InvoiceForm({ invoice, accountId, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSaveDraft();
  const initial = useMemo(() => invoiceToValues(invoice, accountId), [invoice, accountId]);
  const form = useForm<InvoiceFormValues>({ initialValues: initial });
  const account = useQuery({ ...accountQuery(form.values.accountId), enabled: Boolean(form.values.accountId) });
  // Prices are read in the account's currency (its number of decimals); before one is chosen, in cents.
  const currency = invoice?.currency ?? account.data?.currency ?? 'EUR';

  const convert = (v: InvoiceFormValues): Conversion<unknown> => {
    const { payload, errors } = valuesToInvoice(v, currency, locale);
    const accountMissing = !invoice && !v.accountId ? { accountId: t('invoices.accountRequired') } : undefined;
    const body = invoice ? { lines: payload.lines, notes: payload.notes } : payload;
    return { payload: body, errors: { ...errors, ...accountMissing } };
  };
  const validate = validateWith(invoice ? InvoiceUpdateSchema : InvoiceCreateSchema, convert, LINE_RENAMES);

  const [submit, state] = useSubmit(
    form,
    async (values: InvoiceFormValues) => {
      const errors = validate(values);
      if (Object.keys(errors).length) return form.setErrors(errors);
      const { payload } = convert(values);
      onSaved(await save.mutateAsync({ invoice, body: payload as never }));
    },
    LINE_RENAMES,
  );

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t(invoice ? 'invoices.edit' : 'invoices.new')}>
      <Stack>
        <FormAlerts state={state} onReload={onReload} />
        {!invoice && (
          <AccountPicker
            required
            value={form.values.accountId}
            onChange={(id) => form.setFieldValue('accountId', id)}
            error={form.errors.accountId as string | undefined}
          />
        )}
        <Text size="sm" c="dimmed">
          {t('invoices.currencyNote', { currency })}
        </Text>
        <LinesEditor
          lines={form.values.lines}
          inputProps={(path) => form.getInputProps(path)}
          onAdd={() => form.insertListItem('lines', emptyLine())}
          onRemove={(i) => form.removeListItem('lines', i)}
        />
        <Textarea label={t('invoices.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
        <Text size="sm" c="dimmed">
          {t('invoices.totalsOnSave')}
        </Text>
        <FormActions submitting={state.submitting} submitLabel={t('invoices.saveDraft')} />
      </Stack>
    </form>
  );
}
