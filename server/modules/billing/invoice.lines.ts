import type { Insertable } from 'kysely';
import type { InvoiceLinesTable } from '../../db/tables/billing.js';
import { fieldError } from '../../lib/errors.js';
import { priceLines, type ScaledLine } from '../../lib/lines.js';
import type { InvoiceTotals } from '../../lib/money.js';

export { scaleLines, type LineInputBody, type ScaledLine } from '../../lib/lines.js';

/** Stored lines with their computed amounts, and the invoice totals (see lib/money.ts). */
export function pricedLines(invoiceId: string, lines: ScaledLine[]): { rows: Insertable<InvoiceLinesTable>[]; totals: InvoiceTotals } {
  const { rows, totals } = priceLines(lines);
  return { rows: rows.map((r) => ({ ...r, invoice_id: invoiceId })), totals };
}

/** An invoice may carry discount lines, but its total cannot be negative: that is a credit note. */
export function assertNotNegative(totals: InvoiceTotals): void {
  if (totals.totalMinor < 0) {
    throw fieldError('lines', 'invoice.negative_total');
  }
}
