import { z } from 'zod';
import { CONTRACT_RENEWALS, DOCUMENT_KINDS, DOCUMENT_STATUSES, EMAIL_STATUSES, LANGUAGES } from '../enums.js';
import { CalendarDateSchema, IdSchema, ListQuerySchema, RecordMetaSchema, abilitiesOf, optionalText, requiredText } from './common.js';
import { InvoiceLineInputSchema, InvoiceLineSchema } from './invoice.js';

const period = {
  periodFrom: CalendarDateSchema.nullable().optional(),
  periodTo: CalendarDateSchema.nullable().optional(),
};

const linesSchema = z.array(InvoiceLineInputSchema).max(2000);

/** A contract's term is its period (from → to); these say what happens when it ends. */
const contractTerms = {
  renewal: z.enum(CONTRACT_RENEWALS, { message: 'document.renewal' }).nullable().optional(),
  renewalTerms: optionalText(2000),
  /** The contract this one renews or replaces: the old one's owner is no longer reminded of its end. */
  renewsId: IdSchema.nullable().optional(),
};

export const DOCUMENT_VERSION_PURPOSES = ['sent', 'signed', 'paper'] as const;

/** A frozen version: `sent` as first sent, `signed` with the signature page appended, `paper` the scan of a signed paper copy. */
export const DocumentVersionSchema = z.object({
  seq: z.number().int(),
  purpose: z.enum(DOCUMENT_VERSION_PURPOSES),
  sha256: z.string().nullable().describe('Null only for the moment between freezing and the first render'),
  byteSize: z.number().int().nullable(),
  createdAt: z.string(),
});
export type DocumentVersion = z.infer<typeof DocumentVersionSchema>;

export const DocumentSignatureSchema = z.object({
  via: z.enum(['portal', 'paper']),
  name: z.string().describe('The full name the client typed, or the signer the manager recorded'),
  at: z.string(),
  userId: z.string().nullable(),
  ipAddress: z.string().nullable(),
});
export const DocumentDeclinationSchema = z.object({
  name: z.string().nullable(),
  at: z.string(),
  reason: z.string(),
  userId: z.string().nullable(),
  ipAddress: z.string().nullable(),
});

/** The client signs by typing their full name and confirming that it is their signature. */
export const DocumentSignSchema = z.object({
  fullName: requiredText(200, 'document.signer_name').refine((v) => v.length >= 2, { message: 'document.signer_name' }),
  consent: z.literal(true, { message: 'document.consent_required' }),
});
export type DocumentSign = z.input<typeof DocumentSignSchema>;
export const DocumentDeclineSchema = z.object({ reason: requiredText(1000, 'document.decline_reason') });
export type DocumentDecline = z.input<typeof DocumentDeclineSchema>;
/** The largest scan of a signed paper copy accepted. */
export const SCAN_MAX_BYTES = 10 * 1024 * 1024;

export const DocumentCreateSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS, { message: 'document.kind' }),
  accountId: IdSchema,
  projectId: IdSchema.nullable().optional(),
  /** Defaults to the account's language. */
  language: z.enum(LANGUAGES).optional(),
  title: optionalText(300),
  ...period,
  /** Priced lines (an act's work, a proposal's services); totals follow the invoice rules. */
  lines: linesSchema.optional(),
  /** Free text printed after the template's blocks. */
  notes: optionalText(20_000),
  ...contractTerms,
});
export type DocumentCreate = z.input<typeof DocumentCreateSchema>;

export const DocumentUpdateSchema = z
  .object({
    projectId: IdSchema.nullable(),
    language: z.enum(LANGUAGES),
    title: optionalText(300),
    ...period,
    lines: linesSchema,
    notes: optionalText(20_000),
    ...contractTerms,
  })
  .partial();
export type DocumentUpdate = z.input<typeof DocumentUpdateSchema>;

export const DocumentAbilitiesSchema = abilitiesOf({
  update: 'Change the draft (PATCH); a sent document is frozen',
  send: 'Email it with its PDF to contacts of the account (the first send numbers and freezes it)',
  cancel: 'Cancel it (a draft or a sent one)',
  seeHistory: 'Read its history and sends',
  sign: 'Sign it with your typed full name (a client user of its company, while it is sent)',
  decline: 'Decline it with a reason (a client user of its company, while it is sent)',
  recordPaperSignature: 'Record the signed paper copy by uploading its scan (PUT /documents/:id/signed-copy)',
  createInvoice: 'Make the invoice from this signed act (POST /documents/:id/invoice)',
});
export type DocumentAbilities = z.infer<typeof DocumentAbilitiesSchema>;

export const DocumentSummarySchema = RecordMetaSchema.extend({
  kind: z.enum(DOCUMENT_KINDS),
  status: z.enum(DOCUMENT_STATUSES),
  number: z.string().nullable(),
  language: z.enum(LANGUAGES),
  title: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  issueDate: z.string().nullable().describe('Set when the document is first sent; its year numbers it'),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  currency: z.string(),
  totalMinor: z.number().int(),
  sentAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  renewal: z.enum(CONTRACT_RENEWALS).nullable().describe('A contract: what happens at the end of its term (its period)'),
  renewalTerms: z.string().nullable(),
  renewsId: z.string().nullable().describe('The contract this one renews or replaces'),
  renewedById: z.string().nullable().describe('A sent or signed contract that renews or replaces this one'),
  signedAt: z.string().nullable(),
  declinedAt: z.string().nullable(),
  /** The live invoice made from this act, if any. */
  invoice: z.object({ id: z.string(), number: z.string().nullable() }).nullable(),
  can: DocumentAbilitiesSchema,
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

/**
 * What a status report says, as facts (worded in each reader's language when it is rendered):
 * progress on the plan, the work done in the period, what waits for the client, and the
 * budget when the project shares it. Blocked work is named with its title alone: the reasons
 * typed by the team are internal and never leave the agency.
 */
export const StatusReportFactsSchema = z.object({
  periodFrom: z.string(),
  periodTo: z.string(),
  milestonesDone: z.array(z.object({ title: z.string(), dueDate: z.string() })),
  milestonesLate: z.array(z.object({ title: z.string(), dueDate: z.string() })),
  milestonesNext: z.array(z.object({ title: z.string(), dueDate: z.string() })),
  tasksDone: z.array(z.object({ title: z.string(), doneOn: z.string() })),
  /** Tasks done in the period beyond those listed. */
  tasksDoneMore: z.number().int(),
  planAwaitingApproval: z.boolean(),
  requirementsAwaiting: z.array(z.object({ text: z.string() })),
  blocked: z.array(z.object({ title: z.string() })),
  budget: z.object({ budgetMinor: z.number().int(), usedMinor: z.number().int().nullable(), currency: z.string() }).nullable(),
});
export type StatusReportFacts = z.infer<typeof StatusReportFactsSchema>;

export const DocumentSchema = DocumentSummarySchema.extend({
  lines: z.array(InvoiceLineSchema),
  subtotalMinor: z.number().int(),
  taxMinor: z.number().int(),
  notes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** SHA-256 (hex) of the newest frozen PDF (the signed copy once signed); what the client got is kept byte for byte. Null for a draft. */
  pdfSha256: z.string().nullable(),
  /** A status report's facts (its PDF words them in the document's language); null for other kinds. */
  report: StatusReportFactsSchema.nullable(),
  /** Every frozen version, oldest first: as sent, then the signed copy. */
  versions: z.array(DocumentVersionSchema),
  /** Who signed it, when, from where and how; null until it is signed. */
  signature: DocumentSignatureSchema.nullable(),
  /** Who declined it and why; null unless declined. */
  declination: DocumentDeclinationSchema.nullable(),
});
export type Document = z.infer<typeof DocumentSchema>;

export const DOCUMENT_SORTS = ['-createdAt', 'createdAt', '-issueDate', 'issueDate'] as const;

export const DocumentListQuerySchema = ListQuerySchema.extend({
  kind: z.enum(DOCUMENT_KINDS).optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  accountId: IdSchema.optional(),
  projectId: IdSchema.optional(),
  /** Contracts in force (sent or signed, not renewed) whose term ends on or before this day: what is ending. */
  endingBefore: CalendarDateSchema.optional(),
  /** Period: documents dated (issued, or created while a draft) on or after / before these days. */
  from: CalendarDateSchema.optional(),
  to: CalendarDateSchema.optional(),
  sort: z.enum(DOCUMENT_SORTS).default('-createdAt'),
});
export type DocumentListQuery = z.output<typeof DocumentListQuerySchema>;

/** Whom to email: contacts of the document's account (each with an email address). */
export const DocumentSendSchema = z.object({
  contactIds: z.array(IdSchema).min(1, { message: 'document.recipients_required' }).max(20),
  message: optionalText(5000),
});
export type DocumentSend = z.input<typeof DocumentSendSchema>;

export const DocumentCancelSchema = z.object({ reason: requiredText(500, 'document.cancel_reason') });

export const DOCUMENT_EVENT_KINDS = [
  'created',
  'updated',
  'sent',
  'emailed',
  'cancelled',
  'signed',
  'declined',
  'paper_signed',
  'invoiced',
] as const;

/** One step of a document's history; an emailed step carries its delivery state. */
export const DocumentEventSchema = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_EVENT_KINDS),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  number: z.string().nullable(),
  reason: z.string().nullable(),
  recipients: z.array(z.string()),
  /** The signer's typed name (signed, paper_signed). */
  signer: z.string().nullable(),
  /** The invoice made (invoiced). */
  invoiceId: z.string().nullable(),
  email: z.object({ status: z.enum(EMAIL_STATUSES), attempts: z.number().int(), lastError: z.string().nullable() }).nullable(),
});
export type DocumentEvent = z.infer<typeof DocumentEventSchema>;

/** What a send queued: the email, and the document as it now stands. */
export const DocumentSentSchema = z.object({ emailId: z.string(), recipients: z.array(z.string()), document: DocumentSchema });

/** Sending an invoice by email with its PDF (invoices follow the same rules as documents). */
export const InvoiceSendSchema = DocumentSendSchema;
export const InvoiceSentSchema = z.object({ emailId: z.string(), recipients: z.array(z.string()) });

/** Number formats per kind, e.g. CT-{YYYY}-{NNNN}; {YYYY}/{YY} the year, a run of N the counter. */
export const NumberFormatSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((f) => /\{N+\}/.test(f), { message: 'document.number_format' });
export const DocumentSettingsSchema = z.object({
  numberFormats: z.object(
    Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, NumberFormatSchema])) as Record<
      (typeof DOCUMENT_KINDS)[number],
      typeof NumberFormatSchema
    >,
  ),
});
export type DocumentSettings = z.infer<typeof DocumentSettingsSchema>;
export const DocumentSettingsUpdateSchema = z.object({ numberFormats: DocumentSettingsSchema.shape.numberFormats.partial() });
