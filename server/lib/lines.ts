import type { z } from 'zod';
import type { InvoiceLineInputSchema, InvoiceLineSchema } from '../../common/schemas/invoice.js';
import type { InvoiceLinesTable } from '../db/tables/billing.js';
import { fieldError } from './errors.js';
import { newId } from './ids.js';
import { decimalToScaled, invoiceTotals, scaledToDecimal, type InvoiceTotals, type LineInput } from './money.js';

/** Priced lines as invoices and documents (acts, proposals) take them, under one set of money rules. */

export type LineInputBody = z.output<typeof InvoiceLineInputSchema>;
export type ScaledLine = LineInput & { description: string };

/** Request lines in exact integer units: quantity in thousandths, tax in basis points. */
export function scaleLines(lines: LineInputBody[]): ScaledLine[] {
  return lines.map((l, i) => {
    const quantityMilli = decimalToScaled(l.quantity, 3);
    const taxBasisPoints = decimalToScaled(l.taxPercent, 2);
    if (quantityMilli === null) throw fieldError(`lines.${i}.quantity`, 'validation.decimals', { max: 3 });
    if (taxBasisPoints === null) throw fieldError(`lines.${i}.taxPercent`, 'validation.decimals', { max: 2 });
    return { description: l.description, quantityMilli, unitPriceMinor: l.unitPriceMinor, taxBasisPoints };
  });
}

/** A stored line with its computed amounts (the owner's id column is added by the caller). */
export type PricedLineRow = Omit<InvoiceLinesTable, 'invoice_id'>;

/** Lines with their amounts, and the totals (see lib/money.ts: rounded per line, then summed). */
export function priceLines(lines: ScaledLine[]): { rows: PricedLineRow[]; totals: InvoiceTotals } {
  const totals = invoiceTotals(lines);
  const rows = lines.map((l, i) => ({
    id: newId(),
    position: i + 1,
    description: l.description,
    quantity_milli: l.quantityMilli,
    unit_price_minor: l.unitPriceMinor,
    tax_basis_points: l.taxBasisPoints,
    net_minor: totals.lines[i].netMinor,
    tax_minor: totals.lines[i].taxMinor,
    total_minor: totals.lines[i].totalMinor,
  }));
  return { rows, totals };
}

/** A stored line as the API shows it: quantity and tax back in decimals, amounts in minor units. */
export const presentLine = (l: PricedLineRow): z.infer<typeof InvoiceLineSchema> => ({
  id: l.id,
  description: l.description,
  quantity: Number(scaledToDecimal(l.quantity_milli, 3)),
  unitPriceMinor: l.unit_price_minor,
  taxPercent: Number(scaledToDecimal(l.tax_basis_points, 2)),
  netMinor: l.net_minor,
  taxMinor: l.tax_minor,
  totalMinor: l.total_minor,
});
