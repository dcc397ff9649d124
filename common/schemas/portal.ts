import { z } from 'zod';
import { DOCUMENT_KINDS, PROJECT_STAGES } from '../enums.js';

/*
 * The client portal's start page: what waits for the client and the latest news of their
 * projects. Only client-safe facts: names, dates, amounts they owe; never notes, hours or rates.
 */

const onProject = { projectId: z.string(), projectName: z.string() };

export const PortalTodoSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plan'), ...onProject, since: z.string().nullable().describe('When the plan was sent for approval') }),
  z.object({ kind: z.literal('requirement'), ...onProject, requirementId: z.string(), text: z.string() }),
  z.object({
    kind: z.literal('brief'),
    ...onProject,
    missing: z.number().int().describe('Questions not answered yet; 0 when it is only to be submitted'),
  }),
  z.object({
    kind: z.literal('document'),
    documentId: z.string(),
    documentKind: z.enum(DOCUMENT_KINDS),
    number: z.string().nullable(),
    title: z.string(),
  }),
  z.object({
    kind: z.literal('invoice'),
    invoiceId: z.string(),
    number: z.string().nullable(),
    dueDate: z.string().nullable(),
    balanceMinor: z.number().int(),
    currency: z.string(),
    daysOverdue: z.number().int().nullable(),
  }),
]);
export type PortalTodo = z.infer<typeof PortalTodoSchema>;

export const PortalNewsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stage_changed'), occurredAt: z.string(), ...onProject, stage: z.enum(PROJECT_STAGES) }),
  z.object({ kind: z.literal('plan_submitted'), occurredAt: z.string(), ...onProject }),
  z.object({ kind: z.literal('plan_approved'), occurredAt: z.string(), ...onProject }),
  z.object({
    kind: z.literal('status_report'),
    occurredAt: z.string(),
    projectId: z.string().nullable(),
    projectName: z.string().nullable(),
    documentId: z.string(),
    title: z.string(),
  }),
]);
export type PortalNews = z.infer<typeof PortalNewsSchema>;

export const PortalHomeSchema = z.object({
  todo: z
    .array(PortalTodoSchema)
    .describe('What waits for the client, most pressing first: overdue invoices, then approvals, briefs, signatures, invoices due'),
  news: z.array(PortalNewsSchema).describe('The latest client-safe events of their projects, newest first (at most 10)'),
});
export type PortalHome = z.infer<typeof PortalHomeSchema>;

/** A person of the agency as their client sees them: how to reach them, nothing else about staff. */
export const PortalPersonSchema = z.object({
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  photoUrl: z.string().nullable().describe('Where their photo is served (GET, the client’s own managers only); null when they have none'),
});
export type PortalPerson = z.infer<typeof PortalPersonSchema>;

export const PortalManagerSchema = z.object({
  manager: PortalPersonSchema.nullable().describe('The account manager of the client’s company; null while none is assigned'),
  backup: PortalPersonSchema.nullable().describe('Who stands in for them, when the company has a backup manager'),
});
export type PortalManager = z.infer<typeof PortalManagerSchema>;

/** How to pay the agency: the payee and bank details its invoices print, in the client’s language. */
export const PortalPaymentDetailsSchema = z.object({
  payee: z.string().nullable().describe('The agency’s legal name (its name when no legal name is set); null until set'),
  bankDetails: z.string().nullable().describe('Bank, account and routing numbers as the agency writes them; null until set'),
  taxId: z.string().nullable(),
  registrationId: z.string().nullable(),
  address: z.string().nullable(),
});
export type PortalPaymentDetails = z.infer<typeof PortalPaymentDetailsSchema>;
