/** Tables of spreadsheet imports (migration 0040_imports). */
import type { Generated } from 'kysely';
import type { DuplicatePolicy, ImportEntity, ImportStatus } from '../../../common/schemas/import.js';

export interface ImportsTable {
  id: string;
  entity: ImportEntity;
  status: ImportStatus;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  file_name: string;
  file_sha256: string;
  file_size: number;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  /** JSON: the field each column goes to, or null. */
  mapping: string;
  duplicate_policy: DuplicatePolicy;
  invalid_rows: Generated<number>;
  duplicate_rows: Generated<number>;
  total_rows: Generated<number>;
  /** Data rows saved so far: the checkpoint a resumed run starts after. */
  rows_done: Generated<number>;
  created_count: Generated<number>;
  updated_count: Generated<number>;
  skipped_count: Generated<number>;
  failed_count: Generated<number>;
  queued_at: string | null;
  finished_at: string | null;
  undone_at: string | null;
  error: string | null;
}

/** The uploaded file, a chunk at a time, in order. */
export interface ImportFileChunksTable {
  import_id: string;
  seq: number;
  data: Buffer;
}

/**
 * A record an import changed (`prior` holds the columns an update replaced), or one it created
 * and then changed again (its later version); the records it created carry its id themselves.
 */
export interface ImportRecordsTable {
  import_id: string;
  table_name: string;
  record_id: string;
  action: 'created' | 'updated';
  prior: string | null;
  /** The record's version right after the import wrote it: undo refuses when it moved on. */
  version_after: number;
}

export interface ImportTables {
  imports: ImportsTable;
  import_file_chunks: ImportFileChunksTable;
  import_records: ImportRecordsTable;
}
