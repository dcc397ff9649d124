import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import {
  IMPORT_FIELDS,
  type Import,
  type ImportEntity,
  type ImportOptions,
  type ImportPreview,
  type ImportRowError,
} from '../../../common/schemas/import.js';
import type { Language } from '../../../common/messages/index.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { OpeningBalances } from '../billing/index.js';
import type { BatchRow, EntityImporter } from './import.batch.js';
import { autoMapping, fieldList, missingFields } from './import.fields.js';
import { headOf, readFile, storeFile } from './import.file.js';
import { detectDelimiter, guessEncoding, sniffFormat } from './import.format.js';
import { presentImport, type ImportRow } from './import.presenter.js';
import { rowErrors, scanChunks } from './import.scan.js';
import { undoImport } from './import.undo.js';

/** Rows and errors a preview shows; the whole error list is the CSV report. */
const PREVIEW_ROWS = 20;
const PREVIEW_ERRORS = 100;

export interface Upload {
  file: Readable;
  fileName: string;
  entity: ImportEntity;
  options: ImportOptions;
}

/** Admins import anything; managers only into accounts they own (and open accounts as theirs). */
export function assertMayImport(actor: Actor): void {
  if (actor.role !== 'admin' && actor.role !== 'account_manager') throw forbidden('import.forbidden');
}

/** Uploads, previews, commits and undoes imports of spreadsheets. */
export class ImportService {
  private readonly queuedListeners: (() => Promise<unknown>)[] = [];
  private inFlight: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly importers: Record<ImportEntity, EntityImporter>,
    private readonly openingBalances: OpeningBalances,
  ) {}

  /** Lets the module start the background run as soon as an import is committed. */
  onQueued(listener: () => Promise<unknown>): void {
    this.queuedListeners.push(listener);
  }

  /** Resolves once the runs started by commits so far have ended (tests, a graceful stop). */
  async idle(): Promise<void> {
    await this.inFlight;
  }

  /** Stores the file (hashing it), tells how to read it and answers the preview; nothing is saved yet. */
  async upload(actor: Actor, upload: Upload, language: Language): Promise<ImportPreview> {
    assertMayImport(actor);
    const id = newId();
    const now = this.now();
    await this.db
      .insertInto('imports')
      .values({
        id,
        entity: upload.entity,
        status: 'preview',
        created_by: actor.id,
        created_at: now,
        updated_at: now,
        file_name: upload.fileName.slice(0, 255),
        file_sha256: '',
        file_size: 0,
        format: 'csv',
        encoding: null,
        delimiter: null,
        sheet: null,
        mapping: '[]',
        duplicate_policy: upload.options.duplicatePolicy ?? 'skip',
      })
      .execute();
    try {
      const stored = await storeFile(this.db, id, upload.file);
      const format = sniffFormat(stored.head, upload.fileName);
      if (!format) throw new AppError(415, 'import.wrong_format');
      const encoding = format === 'csv' ? (upload.options.encoding ?? guessEncoding(stored.head)) : null;
      await this.db
        .updateTable('imports')
        .set({
          file_sha256: stored.sha256,
          file_size: stored.size,
          format,
          encoding,
          delimiter: encoding ? (upload.options.delimiter ?? detectDelimiter(new TextDecoder(encoding).decode(stored.head))) : null,
          sheet: format === 'xlsx' ? (upload.options.sheet ?? null) : null,
        })
        .where('id', '=', id)
        .execute();
      return await this.preview(actor, await this.load(id), upload.options.mapping ?? null, language);
    } catch (err) {
      await this.db.deleteFrom('imports').where('id', '=', id).execute();
      throw err;
    }
  }

  /** Changes how the file is read or saved (mapping, encoding, delimiter, sheet, duplicates) and answers a fresh preview. */
  async update(actor: Actor, id: string, options: ImportOptions, language: Language): Promise<ImportPreview> {
    const row = await this.loadFor(actor, id);
    if (row.status !== 'preview') throw conflict('import.not_editable');
    const reread =
      (options.encoding !== undefined && options.encoding !== row.encoding) ||
      (options.delimiter !== undefined && options.delimiter !== row.delimiter) ||
      (options.sheet !== undefined && options.sheet !== row.sheet);
    const encoding = row.format === 'csv' ? (options.encoding ?? row.encoding) : null;
    let delimiter = row.format === 'csv' ? (options.delimiter ?? row.delimiter) : null;
    // A new encoding reads the header anew: its delimiter too, unless one is given.
    if (encoding && options.encoding && !options.delimiter && options.encoding !== row.encoding)
      delimiter = detectDelimiter(new TextDecoder(encoding).decode(await headOf(this.db, id)));
    const updated = await this.db
      .updateTable('imports')
      .set({
        encoding,
        delimiter,
        sheet: row.format === 'xlsx' ? (options.sheet ?? row.sheet) : null,
        duplicate_policy: options.duplicatePolicy ?? row.duplicate_policy,
        updated_at: this.now(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const mapping = options.mapping ?? (reread ? null : (JSON.parse(row.mapping) as (string | null)[]));
    return this.preview(actor, updated, mapping, language);
  }

  async get(actor: Actor, id: string): Promise<Import> {
    return presentImport(await this.loadFor(actor, id));
  }

  /** Every row error of the file as it would be saved now, handed to `write` a chunk at a time. */
  async errors(actor: Actor, id: string, language: Language, write: (errors: ImportRowError[]) => Promise<void>): Promise<void> {
    const row = await this.loadFor(actor, id);
    await this.scan(actor, row, JSON.parse(row.mapping) as (string | null)[], async (rows, headers, mapping) => {
      const errors = rows.flatMap((r) => rowErrors(r, headers, mapping, language));
      if (errors.length) await write(errors);
    });
  }

  /** Queues the import for the background run; refused while a required field has no column. */
  async commit(actor: Actor, id: string): Promise<Import> {
    const row = await this.queue(actor, id);
    this.inFlight = Promise.allSettled([this.inFlight, ...this.queuedListeners.map((listener) => listener())]);
    return presentImport(row);
  }

  /** Marks the import to be run (without starting the run). */
  async queue(actor: Actor, id: string): Promise<ImportRow> {
    const row = await this.loadFor(actor, id);
    if (row.status !== 'preview') throw conflict('import.not_editable');
    const missing = missingFields(row.entity, JSON.parse(row.mapping) as (string | null)[]);
    if (missing.length) throw new AppError(422, 'import.missing_fields', { fields: missing });
    const now = this.now();
    return this.db
      .updateTable('imports')
      .set({ status: 'queued', queued_at: now, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'preview')
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Removes what the import created and restores what it updated, if none of it changed since. */
  async undo(actor: Actor, id: string): Promise<Import> {
    const row = await this.loadFor(actor, id);
    if (row.status !== 'done') throw conflict('import.not_done');
    return this.db.transaction().execute(async (trx) => {
      const now = this.now();
      await undoImport(trx, id, this.openingBalances);
      const after = await trx
        .updateTable('imports')
        .set({ status: 'undone', undone_at: now, updated_at: now })
        .where('id', '=', id)
        .where('status', '=', 'done')
        .returningAll()
        .executeTakeFirst();
      if (!after) throw conflict('import.not_done');
      await recordAudit(trx, {
        actorId: actor.id,
        recordType: 'import',
        recordId: id,
        action: 'delete',
        before: { entity: row.entity, fileSha256: row.file_sha256, created: row.created_count, updated: row.updated_count },
        at: now,
      });
      return presentImport(after);
    });
  }

  private async preview(actor: Actor, row: ImportRow, mapping: (string | null)[] | null, language: Language): Promise<ImportPreview> {
    const rows: ImportPreview['rows'] = [];
    const errors: ImportRowError[] = [];
    let invalid = 0;
    let duplicates = 0;
    const importer = this.importers[row.entity];
    const sheets: string[] = [];
    const scanned = await this.scan(
      actor,
      row,
      mapping,
      async (chunk, headers, used) => {
        for (const r of chunk) {
          const errs = r.issues.length ? rowErrors(r, headers, used, language) : [];
          if (errs.length) invalid++;
          const duplicate = !!(r.existing || r.repeats);
          if (duplicate) duplicates++;
          if (rows.length < PREVIEW_ROWS) rows.push({ rowNumber: r.rowNumber, values: importer.present(r), duplicate, errors: errs });
          for (const e of errs) if (errors.length < PREVIEW_ERRORS) errors.push(e);
        }
      },
      sheets,
    );
    const updated = await this.db
      .updateTable('imports')
      .set({
        mapping: JSON.stringify(scanned.mapping),
        sheet: row.format === 'xlsx' ? (row.sheet ?? sheets[0] ?? null) : null,
        total_rows: scanned.rowsRead,
        invalid_rows: invalid,
        duplicate_rows: duplicates,
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return {
      ...presentImport(updated),
      columns: scanned.headers.map((header, index) => ({ index, header, field: scanned.mapping[index] ?? null })),
      fields: fieldList(row.entity),
      missingFields: missingFields(row.entity, scanned.mapping),
      sheets,
      rows,
      errors,
      counts: { total: scanned.rowsRead, valid: scanned.rowsRead - invalid, invalid, duplicates },
    };
  }

  private async scan(
    actor: Actor,
    row: ImportRow,
    mapping: (string | null)[] | null,
    onChunk: (rows: BatchRow[], headers: string[], mapping: (string | null)[]) => Promise<void>,
    sheets: string[] = [],
  ) {
    if (mapping) this.assertMapping(row.entity, mapping);
    return scanChunks(
      this.db,
      {
        bytes: () => readFile(this.db, row.id),
        read: { format: row.format, encoding: row.encoding as never, delimiter: row.delimiter as never, sheet: row.sheet },
        importer: this.importers[row.entity],
        actor,
        mapping,
        report: { sheets },
      },
      async (rows, _read, headers, used) => onChunk(rows, headers, used),
      (headers) => autoMapping(row.entity, headers),
    );
  }

  private assertMapping(entity: ImportEntity, mapping: (string | null)[]) {
    const fields: readonly string[] = IMPORT_FIELDS[entity];
    const seen = new Set<string>();
    mapping.forEach((field, i) => {
      if (field === null) return;
      if (!fields.includes(field)) throw badRequest('import.unknown_field', { column: i + 1 });
      if (seen.has(field)) throw badRequest('import.field_twice', { field });
      seen.add(field);
    });
  }

  private async load(id: string, trx: Kysely<DB> = this.db): Promise<ImportRow> {
    const row = await trx.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('record');
    return row;
  }

  /** An import is its author's (and any admin's); to others it does not exist. */
  private async loadFor(actor: Actor, id: string): Promise<ImportRow> {
    assertMayImport(actor);
    const row = await this.load(id);
    if (actor.role !== 'admin' && row.created_by !== actor.id) throw notFound('record');
    return row;
  }

  private now() {
    return this.clock.now().toISOString();
  }
}
