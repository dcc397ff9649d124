import { z } from 'zod';
import { PROPOSAL_STATUSES } from '../enums.js';
import { abilitiesOf, CalendarDateSchema, IdSchema, ListQuerySchema, optionalText, RecordMetaSchema, requiredText } from './common.js';
import { decimalPlaces, InvoiceLineInputSchema } from './invoice.js';

/**
 * Proposals: what the agency offers on a deal, priced from the catalog (or free lines), in the
 * deal's currency, under the invoice money rules (quantity to the thousandth, discount percent
 * to the hundredth, rounded half away from zero per line).
 */

export const PROPOSAL_LIMITS = { lines: 100 } as const;

/** A line: a catalog service (text and price default from it) or a free line (text and price required). */
export const ProposalLineInputSchema = z.object({
  serviceId: IdSchema.nullable().optional(),
  /** Defaults to the service's description in the account's language. */
  description: optionalText(500),
  quantity: InvoiceLineInputSchema.shape.quantity,
  /** Defaults to the service's price in the proposal's currency. */
  unitPriceMinor: z
    .number({ message: 'proposal.unit_price' })
    .int({ message: 'proposal.unit_price' })
    .min(0, { message: 'proposal.unit_price' })
    .max(1_000_000_000_000, { message: 'proposal.unit_price' })
    .optional(),
  discountPercent: z
    .number({ message: 'proposal.discount' })
    .min(0, { message: 'proposal.discount' })
    .max(100, { message: 'proposal.discount' })
    .refine(decimalPlaces(2), { message: 'validation.decimals', params: { max: 2 } })
    .default(0),
});
export type ProposalLineInput = z.input<typeof ProposalLineInputSchema>;

const linesField = z.array(ProposalLineInputSchema).max(PROPOSAL_LIMITS.lines, { message: 'validation.too_many' });

export const ProposalCreateSchema = z.object({
  dealId: IdSchema,
  lines: linesField.default([]),
  /** Defaults to today plus the configured number of days. */
  validUntil: CalendarDateSchema.optional(),
  notes: optionalText(2000),
});
export type ProposalCreate = z.input<typeof ProposalCreateSchema>;

/** Changes the draft; a sent proposal's change starts its next version. */
export const ProposalUpdateSchema = z.object({ lines: linesField, validUntil: CalendarDateSchema, notes: optionalText(2000) }).partial();
export type ProposalUpdate = z.input<typeof ProposalUpdateSchema>;

/** To a contact of the account (with an email), or to an address. */
export const ProposalSendSchema = z
  .object({ contactId: IdSchema.optional(), to: z.email({ message: 'validation.email' }).max(254).optional() })
  .refine((b) => Boolean(b.contactId) !== Boolean(b.to), { message: 'proposal.recipient', path: ['contactId'] });
export type ProposalSend = z.input<typeof ProposalSendSchema>;

export const ProposalAcceptSchema = z.object({ name: optionalText(200) });
export const ProposalDeclineSchema = z.object({ reason: requiredText(2000, 'proposal.decline_reason') });

export const ProposalLineSchema = z.object({
  id: z.string(),
  kind: z.enum(['item', 'loyalty']).describe('`loyalty`: the account’s discount on the subtotal, with its reason as description'),
  serviceId: z.string().nullable(),
  description: z.string(),
  quantity: z.number(),
  unitPriceMinor: z.number().int(),
  discountPercent: z.number(),
  grossMinor: z.number().int().describe('quantity × unit price, rounded'),
  discountMinor: z.number().int(),
  totalMinor: z.number().int(),
});
export type ProposalLine = z.infer<typeof ProposalLineSchema>;

/** What one version says: its lines, totals and validity. */
export const ProposalContentSchema = z.object({
  number: z.number().int(),
  validUntil: z.string(),
  lines: z.array(ProposalLineSchema),
  subtotalMinor: z.number().int().describe('Σ line totals, each after its own discount'),
  discountMinor: z.number().int().describe('The account’s discount on the subtotal (0 or negative)'),
  totalMinor: z.number().int(),
  notes: z.string().nullable(),
  sentAt: z.string().nullable(),
  documentId: z.string().nullable(),
  documentNumber: z.string().nullable(),
});
export type ProposalContent = z.infer<typeof ProposalContentSchema>;

export const ProposalAbilitiesSchema = abilitiesOf({
  update: 'Change it (a sent one gets a new version)',
  send: 'Send it to the client',
  remove: 'Delete it (never-sent drafts only)',
  revokeLink: 'End the links emailed to the client',
  startProject: 'Start the project from it (accepted proposals)',
});

export const ProposalSchema = RecordMetaSchema.extend({
  accountId: z.string(),
  accountName: z.string(),
  dealId: z.string(),
  dealTitle: z.string(),
  currency: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  /** The version the client reads (null before the first send). */
  sentVersion: z.number().int().nullable(),
  /** The newest version: a draft being changed, or the sent one. */
  latestVersion: z.number().int(),
  validUntil: z.string(),
  totalMinor: z.number().int().describe('The newest version’s total'),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  declineReason: z.string().nullable(),
  projectId: z.string().nullable(),
  /** The newest version's content. */
  content: ProposalContentSchema,
  can: ProposalAbilitiesSchema,
});
export type Proposal = z.infer<typeof ProposalSchema>;

export const ProposalSummarySchema = ProposalSchema.omit({ content: true });
export type ProposalSummary = z.infer<typeof ProposalSummarySchema>;

export const ProposalListQuerySchema = ListQuerySchema.omit({ q: true }).extend({
  dealId: IdSchema.optional(),
  accountId: IdSchema.optional(),
  status: z.enum(PROPOSAL_STATUSES).optional(),
});
export type ProposalListQuery = z.infer<typeof ProposalListQuerySchema>;

export const ProposalVersionParamsSchema = z.object({ id: IdSchema, n: z.coerce.number().int().min(1).max(10_000) });

/** What the link shows the client: the version they hold, and nothing that names other records. */
export const PublicProposalSchema = z.object({
  agencyName: z.string(),
  accountName: z.string(),
  currency: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  validUntil: z.string(),
  version: z.number().int(),
  lines: z.array(ProposalLineSchema.omit({ id: true, serviceId: true })),
  subtotalMinor: z.number().int(),
  discountMinor: z.number().int(),
  totalMinor: z.number().int(),
  notes: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type PublicProposal = z.infer<typeof PublicProposalSchema>;

/** A proposal in the client's portal: what the link shows, and its id to answer it by. */
export const PortalProposalSchema = PublicProposalSchema.extend({ id: z.string() });
export type PortalProposal = z.infer<typeof PortalProposalSchema>;

export const ProposalTokenParamsSchema = z.object({ token: z.string().min(20).max(200) });

/** Starting the project from an accepted proposal: when it starts, and its name (the deal's title by default). */
export const ProposalStartProjectSchema = z.object({ startDate: CalendarDateSchema, name: optionalText(200) });
export type ProposalStartProject = z.output<typeof ProposalStartProjectSchema>;
