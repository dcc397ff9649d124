/** Converting between an invoice's lines and the text its form edits. */
import type { Invoice, InvoiceCreate } from '@common/schemas/invoice';
import i18n from '../../i18n';
import type { Conversion } from '../../lib/forms';
import { minorToDecimal, parseMoney } from '../../lib/format';

export interface LineValues {
  description: string;
  /** As typed: "2,5" or "2.5". */
  quantity: string;
  /** In major units as typed ("1200.00"); the API wants minor units. */
  unitPrice: string;
  taxPercent: string;
}

export interface InvoiceFormValues {
  accountId: string;
  lines: LineValues[];
  notes: string;
}

export const emptyLine = (): LineValues => ({ description: '', quantity: '1', unitPrice: '', taxPercent: '0' });

/** API field names of the lines that the form calls differently. */
export const LINE_RENAMES: Record<string, string> = Object.fromEntries(
  Array.from({ length: 200 }, (_, i) => [`lines.${i}.unitPriceMinor`, `lines.${i}.unitPrice`]),
);

/** Saved lines (of an invoice or a document) as the form edits them. */
export const linesToValues = (lines: Invoice['lines'], currency: string): LineValues[] =>
  lines.map((l) => ({
    description: l.description,
    quantity: String(l.quantity),
    unitPrice: minorToDecimal(l.unitPriceMinor, currency),
    taxPercent: String(l.taxPercent),
  }));

export function invoiceToValues(invoice: Invoice | undefined, accountId = ''): InvoiceFormValues {
  return {
    accountId: invoice?.accountId ?? accountId,
    lines: invoice ? linesToValues(invoice.lines, invoice.currency) : [emptyLine()],
    notes: invoice?.notes ?? '',
  };
}

/** "2,5" → 2.5; text that is not a plain decimal becomes NaN, which the schema refuses. */
export const decimal = (text: string) => (/^\s*\d+([.,]\d+)?\s*$/.test(text) ? Number(text.trim().replace(',', '.')) : Number.NaN);

/** The API body for the values; a price that is not an amount is reported on its field. */
export function valuesToInvoice(values: InvoiceFormValues, currency: string, locale: string): Conversion<InvoiceCreate> {
  const errors: Record<string, string> = {};
  const lines = values.lines.map((l, i) => {
    // Discount lines are negative: the sign is read apart from the locale's number format.
    const negative = l.unitPrice.trim().startsWith('-');
    const minor = parseMoney(l.unitPrice.trim().replace(/^-/, ''), currency, locale);
    if (minor === undefined || minor === null) errors[`lines.${i}.unitPrice`] = i18n.t('accounts.badAmount');
    return {
      description: l.description,
      quantity: decimal(l.quantity),
      unitPriceMinor: minor ? (negative ? -minor : minor) : 0,
      taxPercent: l.taxPercent.trim() === '' ? 0 : decimal(l.taxPercent),
    };
  });
  return { payload: { accountId: values.accountId, lines, notes: values.notes || null }, errors };
}
