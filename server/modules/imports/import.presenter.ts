import type { Selectable } from 'kysely';
import type { Import, ImportDelimiter, ImportEncoding } from '../../../common/schemas/import.js';
import type { ImportsTable } from '../../db/tables/imports.js';

export type ImportRow = Selectable<ImportsTable>;

/** An import as the API answers it. */
export function presentImport(r: ImportRow): Import {
  return {
    id: r.id,
    entity: r.entity,
    status: r.status,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    fileSize: Number(r.file_size),
    format: r.format,
    encoding: r.encoding as ImportEncoding | null,
    delimiter: r.delimiter as ImportDelimiter | null,
    sheet: r.sheet,
    duplicatePolicy: r.duplicate_policy,
    mapping: JSON.parse(r.mapping) as (string | null)[],
    invalidRows: r.invalid_rows,
    duplicateRows: r.duplicate_rows,
    progress: {
      rowsDone: r.rows_done,
      totalRows: r.total_rows,
      created: r.created_count,
      updated: r.updated_count,
      skipped: r.skipped_count,
      failed: r.failed_count,
    },
    createdBy: r.created_by,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    undoneAt: r.undone_at,
    error: r.error,
  };
}
