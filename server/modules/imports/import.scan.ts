import type { Kysely } from 'kysely';
import type { ImportRowError } from '../../../common/schemas/import.js';
import { isMessageCode, renderMessage, type Language } from '../../../common/messages/index.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../access/index.js';
import type { BatchRow, EntityImporter } from './import.batch.js';
import { cellsByField } from './import.fields.js';
import type { FieldIssue } from './import.values.js';
import { readRows, type ReadReport, type ReadSettings } from './import.rows.js';

/** Rows a file may hold (besides its header). */
export const MAX_IMPORT_ROWS = 500_000;
/**
 * Rows parsed, matched and saved together: each chunk is one transaction. Larger chunks cost
 * fewer statements and commits (an index page changed by many rows is written once), while
 * what a chunk holds (a few MB) stays far below what the file would.
 */
export const CHUNK_ROWS = 5000;

export interface ScanInput {
  bytes: () => AsyncIterable<Buffer>;
  read: ReadSettings;
  importer: EntityImporter;
  actor: Actor;
  /** Null to map by the header (the preview of a new upload). */
  mapping: (string | null)[] | null;
  /** Data rows already saved: a resumed run starts after them. */
  skip?: number;
  report?: ReadReport;
  /** Rows allowed (the limit, lowered in tests). */
  maxRows?: number;
  /** Rows per chunk (CHUNK_ROWS unless a test wants smaller). */
  chunkRows?: number;
  /** Whether each chunk is matched against the database before `onChunk` (a run matches inside its transaction). */
  resolve?: boolean;
}

/**
 * Streams a file's rows in chunks: parsed, matched against the database, handed to `onChunk`
 * with the count of data rows read so far. Answers the header and the mapping used.
 */
export async function scanChunks(
  db: Kysely<DB>,
  input: ScanInput,
  onChunk: (rows: BatchRow[], rowsRead: number, headers: string[], mapping: (string | null)[]) => Promise<void | 'stop'>,
  autoMap: (headers: string[]) => (string | null)[],
): Promise<{ headers: string[]; mapping: (string | null)[]; rowsRead: number }> {
  let headers: string[] | null = null;
  let mapping: (string | null)[] = [];
  let rowsRead = 0;
  let chunk: BatchRow[] = [];
  const flush = async () => {
    const rows = chunk;
    chunk = [];
    if (rows.length && input.resolve !== false) await input.importer.resolve(db, input.actor, rows);
    return onChunk(rows, rowsRead, headers ?? [], mapping);
  };
  const max = input.maxRows ?? MAX_IMPORT_ROWS;
  const size = input.chunkRows ?? CHUNK_ROWS;
  for await (const batch of readRows(input.bytes, input.read, input.report)) {
    for (const source of batch) {
      if (!headers) {
        headers = source.cells.map((c) => c.trim());
        mapping = input.mapping ?? autoMap(headers);
        continue;
      }
      rowsRead++;
      if (rowsRead > max) throw new AppError(422, 'import.too_many_rows', { max });
      if (rowsRead <= (input.skip ?? 0)) continue;
      const fields = cellsByField(mapping, source.cells);
      const issues: FieldIssue[] = [];
      const values = input.importer.parse(fields, issues);
      chunk.push({ rowNumber: source.rowNumber, fields, values, issues });
      if (chunk.length >= size && (await flush()) === 'stop') return { headers, mapping, rowsRead };
    }
  }
  if (!headers) throw new AppError(422, 'import.empty');
  await flush();
  return { headers, mapping, rowsRead };
}

/** A row's problems as the error report lists them: the column's header, the reason in the reader's language. */
export function rowErrors(row: BatchRow, headers: string[], mapping: (string | null)[], language: Language): ImportRowError[] {
  return row.issues.map((issue) => {
    const index = mapping.indexOf(issue.field);
    const code = isMessageCode(issue.code) ? issue.code : 'validation.invalid';
    return {
      rowNumber: row.rowNumber,
      column: index >= 0 ? (headers[index] ?? issue.field) : issue.field,
      code,
      message: renderMessage(code, issue.params ?? {}, language),
    };
  });
}
