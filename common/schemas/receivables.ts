import { z } from 'zod';
import { AGING_BUCKETS } from '../enums.js';
import { CalendarDateSchema, CurrencySchema, IdSchema, ListQuerySchema, requiredText } from './common.js';
import { CreditWarningSchema } from './invoice.js';

/** Amounts owed per aging bucket, in minor units of one currency. */
export const AgingBucketsSchema = z.object(
  Object.fromEntries(AGING_BUCKETS.map((b) => [b, z.number().int()])) as Record<(typeof AGING_BUCKETS)[number], z.ZodNumber>,
);
export type AgingBuckets = z.infer<typeof AgingBucketsSchema>;

export const ReceivablesQuerySchema = ListQuerySchema.pick({ limit: true, cursor: true }).extend({
  groupBy: z.enum(['account', 'manager']).default('account'),
  ownerId: IdSchema.optional(),
  currency: CurrencySchema.optional(),
});
export type ReceivablesQuery = z.infer<typeof ReceivablesQuerySchema>;

export const ReceivablesRowSchema = z.object({
  /** The account id, or the manager's user id (null: accounts without an owner). */
  key: z.string().nullable(),
  name: z.string(),
  ownerId: z.string().nullable(),
  currency: z.string(),
  bucketsMinor: AgingBucketsSchema,
  totalMinor: z.number().int(),
  invoiceCount: z.number().int(),
});
export type ReceivablesRow = z.infer<typeof ReceivablesRowSchema>;

export const ReceivablesTotalSchema = z.object({
  currency: z.string(),
  bucketsMinor: AgingBucketsSchema,
  totalMinor: z.number().int(),
  invoiceCount: z.number().int(),
});

/** Aging report: totals per currency (never summed across currencies) and one page of rows. */
export const ReceivablesReportSchema = z.object({
  asOf: z.string(),
  groupBy: z.enum(['account', 'manager']),
  totals: z.array(ReceivablesTotalSchema),
  items: z.array(ReceivablesRowSchema),
  nextCursor: z.string().nullable(),
});
export type ReceivablesReport = z.infer<typeof ReceivablesReportSchema>;

export const StatementQuerySchema = z.object({
  from: CalendarDateSchema.optional(),
  to: CalendarDateSchema.optional(),
  currency: CurrencySchema.optional(),
});

export const STATEMENT_ENTRY_TYPES = ['invoice', 'credit_note', 'payment', 'payment_reversal'] as const;

export const StatementEntrySchema = z.object({
  date: z.string(),
  type: z.enum(STATEMENT_ENTRY_TYPES),
  reference: z.string().nullable(),
  invoiceId: z.string(),
  paymentId: z.string().nullable(),
  debitMinor: z.number().int(),
  creditMinor: z.number().int(),
  balanceMinor: z.number().int(),
});

export const StatementSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  currency: z.string(),
  from: z.string(),
  to: z.string(),
  openingBalanceMinor: z.number().int(),
  invoicedMinor: z.number().int(),
  receivedMinor: z.number().int(),
  closingBalanceMinor: z.number().int(),
  entries: z.array(StatementEntrySchema),
});
export type Statement = z.infer<typeof StatementSchema>;

export const ExposureQuerySchema = z.object({
  addingMinor: z.coerce
    .number({ message: 'validation.amount' })
    .int({ message: 'validation.amount_integer' })
    .min(0, { message: 'validation.amount_negative' })
    .max(Number.MAX_SAFE_INTEGER)
    .default(0),
});

export const StopWorkSchema = z.object({ since: z.string(), reason: z.string() });

/** What the account owes now, its limit, and what to warn about before more work or invoices. */
export const ExposureSchema = z.object({
  accountId: z.string(),
  currency: z.string(),
  exposureMinor: z.number().int(),
  addingMinor: z.number().int(),
  projectedMinor: z.number().int(),
  creditLimitMinor: z.number().int().nullable(),
  oldestOverdueDays: z.number().int().nullable(),
  stopWork: StopWorkSchema.nullable(),
  warnings: z.array(CreditWarningSchema),
});
export type Exposure = z.infer<typeof ExposureSchema>;

export const StopWorkChangeSchema = z.object({ reason: requiredText(500, 'validation.reason_required') });
