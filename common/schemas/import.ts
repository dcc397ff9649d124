import { z } from 'zod';
import { IdSchema } from './common.js';

/** What a file can be imported as. */
export const IMPORT_ENTITIES = ['accounts', 'contacts', 'interactions', 'opening_balances'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/** What happens to a row that matches an existing record (contacts by email, accounts by name and website). */
export const DUPLICATE_POLICIES = ['skip', 'update', 'create'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

export const IMPORT_ENCODINGS = ['utf-8', 'windows-1251'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export const IMPORT_DELIMITERS = [',', ';', '\t'] as const;
export type ImportDelimiter = (typeof IMPORT_DELIMITERS)[number];

export const IMPORT_STATUSES = ['preview', 'queued', 'running', 'done', 'failed', 'undone'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** The fields each entity takes from a column, in the order the preview shows them. */
export const IMPORT_FIELDS = {
  accounts: ['name', 'website', 'industry', 'status', 'currency', 'paymentTermsDays'],
  contacts: ['firstName', 'lastName', 'fullName', 'email', 'phone', 'position', 'account', 'accountId'],
  interactions: ['account', 'accountId', 'type', 'occurredAt', 'summary', 'outcome'],
  opening_balances: ['account', 'accountId', 'number', 'issueDate', 'dueDate', 'amount', 'owed', 'currency'],
} as const satisfies Record<ImportEntity, readonly string[]>;
export type ImportField = (typeof IMPORT_FIELDS)[ImportEntity][number];

/** Where a column goes: a field of the entity, or nowhere (null). */
export const ImportMappingSchema = z.array(z.string().max(40).nullable()).max(200);

/** The settings of an upload's reading and saving; the form fields of the upload take the same names. */
export const ImportOptionsSchema = z
  .object({
    encoding: z.enum(IMPORT_ENCODINGS),
    delimiter: z.enum(IMPORT_DELIMITERS),
    sheet: z.string().min(1).max(100),
    mapping: ImportMappingSchema,
    duplicatePolicy: z.enum(DUPLICATE_POLICIES),
  })
  .partial();
export type ImportOptions = z.input<typeof ImportOptionsSchema>;

export const ImportRowErrorSchema = z.object({
  rowNumber: z.number().int(),
  /** The column's header (or the field's name when no column holds it). */
  column: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

export const ImportCountsSchema = z.object({
  rowsDone: z.number().int(),
  totalRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
});

/** An import as it stands: its file, how it is read and where it got to. */
export const ImportSchema = z.object({
  id: IdSchema,
  entity: z.enum(IMPORT_ENTITIES),
  status: z.enum(IMPORT_STATUSES),
  fileName: z.string(),
  fileSha256: z.string(),
  fileSize: z.number().int(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(IMPORT_ENCODINGS).nullable(),
  delimiter: z.enum(IMPORT_DELIMITERS).nullable(),
  sheet: z.string().nullable(),
  duplicatePolicy: z.enum(DUPLICATE_POLICIES),
  mapping: z.array(z.string().nullable()),
  /** Rows with an error, rows matching an existing record, rows that are fine: as the last preview found them. */
  invalidRows: z.number().int(),
  duplicateRows: z.number().int(),
  progress: ImportCountsSchema,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
  error: z.string().nullable(),
});
export type Import = z.infer<typeof ImportSchema>;

export const ImportPreviewRowSchema = z.object({
  rowNumber: z.number().int(),
  /** The values as they will be saved, by field. */
  values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  duplicate: z.boolean(),
  errors: z.array(ImportRowErrorSchema),
});

/** What an upload (or a change of its settings) answers: how the file reads and what saving it would do. */
export const ImportPreviewSchema = ImportSchema.extend({
  columns: z.array(z.object({ index: z.number().int(), header: z.string(), field: z.string().nullable() })),
  fields: z.array(z.object({ key: z.string(), required: z.boolean() })),
  /** Required fields no column is mapped to: the import cannot start until they are. */
  missingFields: z.array(z.string()),
  sheets: z.array(z.string()),
  rows: z.array(ImportPreviewRowSchema),
  /** The first errors; the whole list is at `errors.csv`. */
  errors: z.array(ImportRowErrorSchema),
  counts: z.object({ total: z.number().int(), valid: z.number().int(), invalid: z.number().int(), duplicates: z.number().int() }),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
