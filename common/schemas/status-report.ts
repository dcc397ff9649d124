import { z } from 'zod';
import { LANGUAGES } from '../enums.js';
import { CalendarDateSchema, optionalText } from './common.js';
import { DocumentSchema, StatusReportFactsSchema } from './document.js';

export { StatusReportFactsSchema, type StatusReportFacts } from './document.js';

const period = {
  /** Defaults to the project's last schedule period (the last full week, or month when monthly). */
  periodFrom: CalendarDateSchema.optional(),
  periodTo: CalendarDateSchema.optional(),
};

export const StatusReportPeriodQuerySchema = z.object(period);

export const StatusReportCreateSchema = z.object({
  ...period,
  /** False keeps it as a draft to review and send from the document's page. */
  send: z.boolean().default(true),
  message: optionalText(5000),
});
export type StatusReportCreate = z.input<typeof StatusReportCreateSchema>;

/** Someone a report goes to: a contact of the account who receives reports and has an email address. */
export const ReportRecipientSchema = z.object({
  contactId: z.string(),
  name: z.string(),
  email: z.string(),
  language: z.enum(LANGUAGES),
});
export type ReportRecipient = z.infer<typeof ReportRecipientSchema>;

/** What a report of the period would say, and to whom it would go. */
export const StatusReportPreviewSchema = z.object({
  facts: StatusReportFactsSchema,
  recipients: z.array(ReportRecipientSchema),
  /** True when there is nothing to report: no plan, no work done, nothing waiting. */
  empty: z.boolean(),
});
export type StatusReportPreview = z.infer<typeof StatusReportPreviewSchema>;

/** The reports made: one per language of the recipients (a draft in the account's language when not sent). */
export const StatusReportCreatedSchema = z.object({
  documents: z.array(DocumentSchema),
  recipients: z.array(z.string()),
});
