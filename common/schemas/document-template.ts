import { z } from 'zod';
import { DOCUMENT_KINDS, LANGUAGES, type DocumentKind } from '../enums.js';

/** The text blocks an admin words for each kind; the layout around them is built in. */
export const TEMPLATE_BLOCKS: Record<DocumentKind, readonly string[]> = {
  contract: ['preamble', 'terms'],
  act: ['intro', 'acceptance'],
  status_report: ['intro', 'closing'],
  proposal: ['intro', 'terms'],
  other: ['intro'],
};

/** Every placeholder a block may use, as {{name}}; anything else is refused when the template is saved. */
export const TEMPLATE_PLACEHOLDERS = [
  'agency.name',
  'agency.legalName',
  'agency.address',
  'agency.taxId',
  'agency.registrationId',
  'agency.signatoryName',
  'agency.signatoryTitle',
  'account.name',
  'account.legalName',
  'project.name',
  'project.startDate',
  'project.dueDate',
  'period.from',
  'period.to',
  'document.number',
  'document.date',
  'document.title',
  'document.total',
  'document.totalInWords',
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

const blockText = z.string().max(20_000, { message: 'validation.too_long' });
const blocksOfLanguage = z.record(z.string().max(40), blockText);

export const DocumentTemplateSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  blockNames: z.array(z.string()),
  blocks: z.object({ en: z.record(z.string(), z.string()), ru: z.record(z.string(), z.string()) }),
  /** The built-in wording, to compare with or go back to. */
  defaults: z.object({ en: z.record(z.string(), z.string()), ru: z.record(z.string(), z.string()) }),
});
export type DocumentTemplate = z.infer<typeof DocumentTemplateSchema>;

export const DocumentTemplateListSchema = z.object({
  items: z.array(DocumentTemplateSchema),
  placeholders: z.array(z.string()),
});

/** New wording per language; a block left out keeps its text, an empty one goes back to the built-in wording. */
export const DocumentTemplateUpdateSchema = z.object({ blocks: z.object({ en: blocksOfLanguage, ru: blocksOfLanguage }).partial() });
export type DocumentTemplateUpdate = z.input<typeof DocumentTemplateUpdateSchema>;

export const DocumentTemplatePreviewSchema = z.object({ language: z.enum(LANGUAGES), blocks: blocksOfLanguage.optional() });
export type DocumentTemplatePreview = z.input<typeof DocumentTemplatePreviewSchema>;

export const KindParamsSchema = z.object({ kind: z.enum(DOCUMENT_KINDS, { message: 'document.kind' }) });
