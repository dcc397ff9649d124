import { sql, type SqlBool } from 'kysely';
import type { AgingBucket } from '../../../common/enums.js';
import { addDays } from '../../lib/dates.js';

/** Stored statuses of an invoice that is still owed; "overdue" is one of these past its due date. */
export const OPEN_STATUSES = ['issued', 'partially_paid'] as const;

/**
 * "An invoice still owed", written with literals exactly as the partial index
 * invoices_open_idx is defined, so both databases can use that index.
 */
export const OPEN_INVOICE = sql<SqlBool>`invoices.kind = 'invoice' and invoices.status in ('issued', 'partially_paid')`;

/** What is still owed on an invoice, as a SQL expression. */
export const BALANCE = sql<number>`invoices.total_minor - invoices.paid_minor - invoices.credited_minor`;

/**
 * Due-date bounds of each aging bucket on `today`: [from, until) where from is inclusive and
 * until exclusive; null means unbounded. 1–30 days overdue is due in [today−30, today).
 */
export function bucketDueDates(bucket: AgingBucket, today: string): { from: string | null; until: string | null } {
  const back = (days: number) => addDays(today, -days);
  switch (bucket) {
    case 'current':
      return { from: today, until: null };
    case 'd1_30':
      return { from: back(30), until: today };
    case 'd31_60':
      return { from: back(60), until: back(30) };
    case 'd61_90':
      return { from: back(90), until: back(60) };
    case 'd90_plus':
      return { from: null, until: back(90) };
  }
}
