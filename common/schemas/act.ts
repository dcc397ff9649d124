import { z } from 'zod';
import { ACT_BASES, DOCUMENT_STATUSES, INVOICE_STATUSES } from '../enums.js';
import { CalendarDateSchema, IdSchema } from './common.js';
import { InvoiceLineInputSchema } from './invoice.js';

/**
 * What an act of completed work is made from: the work delivered in a period (`from`–`to`,
 * both days included, in the agency's time zone), or the listed milestones.
 */
export const ActCreateSchema = z
  .object({
    from: CalendarDateSchema.optional(),
    to: CalendarDateSchema.optional(),
    milestoneIds: z.array(IdSchema).min(1, { message: 'act.period_or_milestones' }).max(200).optional(),
  })
  .superRefine((v, ctx) => {
    const period = v.from !== undefined || v.to !== undefined;
    if (v.milestoneIds ? period : !(v.from && v.to)) {
      ctx.addIssue({ code: 'custom', message: 'act.period_or_milestones', path: v.milestoneIds ? ['milestoneIds'] : ['from'] });
    } else if (v.from && v.to && v.to < v.from) {
      ctx.addIssue({ code: 'custom', message: 'act.period_order', path: ['to'] });
    }
  });
export type ActCreate = z.input<typeof ActCreateSchema>;

/** The act's lines as they would be drafted now, priced by the invoice rules, and what they come from. */
export const ActPreviewSchema = z.object({
  basis: z.enum(ACT_BASES),
  currency: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  lines: z.array(
    InvoiceLineInputSchema.extend({
      netMinor: z.number().int(),
      totalMinor: z.number().int(),
    }),
  ),
  subtotalMinor: z.number().int(),
  taxMinor: z.number().int(),
  totalMinor: z.number().int(),
  /** How many done tasks and milestones the lines come from. */
  sources: z.object({ tasks: z.number().int(), milestones: z.number().int() }),
});
export type ActPreview = z.infer<typeof ActPreviewSchema>;

/** One link of an account's chain from delivered work to money: the act, the invoice made from it, what is paid. */
export const ActChainLinkSchema = z.object({
  act: z.object({
    id: z.string(),
    number: z.string().nullable(),
    status: z.enum(DOCUMENT_STATUSES),
    projectId: z.string().nullable(),
    projectName: z.string().nullable(),
    periodFrom: z.string().nullable(),
    periodTo: z.string().nullable(),
    currency: z.string(),
    totalMinor: z.number().int(),
  }),
  invoice: z
    .object({
      id: z.string(),
      number: z.string().nullable(),
      status: z.enum(INVOICE_STATUSES),
      currency: z.string(),
      totalMinor: z.number().int(),
      paidMinor: z.number().int(),
      balanceMinor: z.number().int(),
    })
    .nullable()
    .describe('Null until an invoice is made from the signed act (or when you do not see the account’s invoices)'),
});
export type ActChainLink = z.infer<typeof ActChainLinkSchema>;
