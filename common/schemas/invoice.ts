import { z } from 'zod';
import { AGING_BUCKETS, DOCUMENT_KINDS, INVOICE_KINDS, INVOICE_STATUSES } from '../enums.js';
import {
  CalendarDateSchema,
  CurrencySchema,
  IdSchema,
  ListQuerySchema,
  RecordMetaSchema,
  abilitiesOf,
  optionalText,
  requiredText,
} from './common.js';

/** At most `digits` decimals, checked on the number's own text so no float arithmetic is involved. */
export const decimalPlaces = (digits: number) => (v: number) => new RegExp(`^-?\\d+(\\.\\d{1,${digits}})?$`).test(String(v));

export const InvoiceLineInputSchema = z.object({
  description: requiredText(500, 'invoice.line_required'),
  quantity: z
    .number({ message: 'invoice.quantity' })
    .gt(0, { message: 'invoice.quantity' })
    .max(1_000_000, { message: 'invoice.quantity' })
    .refine(decimalPlaces(3), { message: 'validation.decimals', params: { max: 3 } }),
  unitPriceMinor: z
    .number({ message: 'invoice.unit_price' })
    .int({ message: 'invoice.unit_price' })
    .min(-1_000_000_000_000)
    .max(1_000_000_000_000),
  taxPercent: z
    .number({ message: 'invoice.tax' })
    .min(0, { message: 'invoice.tax' })
    .max(100, { message: 'invoice.tax' })
    .refine(decimalPlaces(2), { message: 'validation.decimals', params: { max: 2 } })
    .default(0),
});
export type InvoiceLineInput = z.input<typeof InvoiceLineInputSchema>;

const linesSchema = z
  .array(InvoiceLineInputSchema, { message: 'invoice.lines_required' })
  .min(1, { message: 'invoice.lines_required' })
  .max(200);

export const InvoiceCreateSchema = z.object({
  accountId: IdSchema,
  projectId: IdSchema.nullable().optional(),
  lines: linesSchema,
  notes: optionalText(2000),
});
export type InvoiceCreate = z.input<typeof InvoiceCreateSchema>;

export const InvoiceUpdateSchema = z.object({ projectId: IdSchema.nullable(), lines: linesSchema, notes: optionalText(2000) }).partial();
export type InvoiceUpdate = z.input<typeof InvoiceUpdateSchema>;

export const InvoiceIssueSchema = z.object({
  /** For entering historical invoices; never in the future. Defaults to today in the agency's time zone. */
  issueDate: CalendarDateSchema.optional(),
});

export const InvoiceVoidSchema = z.object({ reason: requiredText(500, 'invoice.void_reason') });

export const CreditNoteCreateSchema = z.object({
  reason: requiredText(500, 'invoice.credit_reason'),
  /** Lines to credit, as positive amounts; omitted, the whole open balance is credited. */
  lines: linesSchema.optional(),
});
export type CreditNoteCreate = z.input<typeof CreditNoteCreateSchema>;

export const InvoiceLineSchema = z.object({
  id: z.string(),
  description: z.string(),
  quantity: z.number(),
  unitPriceMinor: z.number().int(),
  taxPercent: z.number(),
  netMinor: z.number().int(),
  taxMinor: z.number().int(),
  totalMinor: z.number().int(),
});

export const InvoiceAbilitiesSchema = abilitiesOf({
  update: 'Change the draft’s lines, notes or project (PATCH)',
  issue: 'Issue the draft: number it and fix its dates',
  void: 'Void it (only while nothing was paid or credited on it)',
  creditNote: 'Correct it with a credit note (an issued invoice with a balance)',
  recordPayment: 'Record a payment on it (an issued invoice with a balance)',
  send: 'Email its PDF to contacts of the account (issued, not void)',
});
export type InvoiceAbilities = z.infer<typeof InvoiceAbilitiesSchema>;

export const InvoiceSummarySchema = RecordMetaSchema.extend({
  accountId: z.string(),
  accountName: z.string(),
  projectId: z.string().nullable(),
  kind: z.enum(INVOICE_KINDS),
  creditedInvoiceId: z.string().nullable(),
  number: z.string().nullable(),
  status: z.enum(INVOICE_STATUSES),
  issueDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  currency: CurrencySchema,
  subtotalMinor: z.number().int(),
  taxMinor: z.number().int(),
  totalMinor: z.number().int(),
  paidMinor: z.number().int(),
  creditedMinor: z.number().int(),
  /** What the client still owes: total − paid − credited (0 for drafts, void invoices and credit notes). */
  balanceMinor: z.number().int(),
  /** Days past the due date in the agency's time zone, when overdue. */
  daysOverdue: z.number().int().nullable(),
  notes: z.string().nullable(),
  issuedAt: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  /** The document (a signed act) it was made from. */
  sourceDocument: z.object({ id: z.string(), kind: z.enum(DOCUMENT_KINDS), number: z.string().nullable() }).nullable(),
  can: InvoiceAbilitiesSchema,
});
export type InvoiceSummary = z.infer<typeof InvoiceSummarySchema>;

export const InvoiceSchema = InvoiceSummarySchema.extend({ lines: z.array(InvoiceLineSchema) });
export type Invoice = z.infer<typeof InvoiceSchema>;

export const CreditWarningSchema = z.object({
  code: z.enum(['over_credit_limit', 'overdue_30', 'stop_work']),
  message: z.string(),
  /** The figures in the message, for pages that word it in the user's language. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type CreditWarning = z.infer<typeof CreditWarningSchema>;

/** An issued invoice, with the credit warnings that applied when it was issued. */
export const InvoiceIssuedSchema = InvoiceSchema.extend({ warnings: z.array(CreditWarningSchema) });

export const INVOICE_SORTS = ['-createdAt', 'createdAt', 'dueDate', '-dueDate', 'issueDate', '-issueDate'] as const;

export const InvoiceListQuerySchema = ListQuerySchema.extend({
  accountId: IdSchema.optional(),
  projectId: IdSchema.optional(),
  ownerId: IdSchema.optional(),
  /** A status, or `open` for everything still owed (issued, partially paid, overdue). */
  status: z.enum([...INVOICE_STATUSES, 'open'] as const).optional(),
  kind: z.enum(INVOICE_KINDS).optional(),
  /** Aging bucket of open invoices, for drilling down from the receivables report. */
  bucket: z.enum(AGING_BUCKETS).optional(),
  currency: CurrencySchema.optional(),
  sort: z.enum(INVOICE_SORTS).default('-createdAt'),
});
export type InvoiceListQuery = z.infer<typeof InvoiceListQuerySchema>;
