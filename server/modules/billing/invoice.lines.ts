import type { Insertable } from 'kysely';
import type { z } from 'zod';
import type { InvoiceLineInputSchema } from '../../../common/schemas/invoice.js';
import type { InvoiceLinesTable } from '../../db/tables/billing.js';
import { fieldError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { decimalToScaled, invoiceTotals, type InvoiceTotals, type LineInput } from '../../lib/money.js';

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

/** Stored lines with their computed amounts, and the invoice totals (see lib/money.ts). */
export function pricedLines(invoiceId: string, lines: ScaledLine[]): { rows: Insertable<InvoiceLinesTable>[]; totals: InvoiceTotals } {
  const totals = invoiceTotals(lines);
  const rows = lines.map((l, i) => ({
    id: newId(),
    invoice_id: invoiceId,
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

/** An invoice may carry discount lines, but its total cannot be negative: that is a credit note. */
export function assertNotNegative(totals: InvoiceTotals): void {
  if (totals.totalMinor < 0) {
    throw fieldError('lines', 'invoice.negative_total');
  }
}
