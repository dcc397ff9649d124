import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ImportDelimiter, ImportEncoding } from '../../../common/schemas/import.js';
import { AppError, badRequest } from '../../lib/errors.js';
import type { ImportFormat } from './import.format.js';

/** One record of the file: its row number as a spreadsheet shows it (the header is row 1) and its cells as text. */
export interface SourceRow {
  rowNumber: number;
  cells: string[];
}

export interface ReadSettings {
  format: ImportFormat;
  encoding: ImportEncoding | null;
  delimiter: ImportDelimiter | null;
  sheet: string | null;
}

/** Sheet names met while reading a workbook (filled as the reader goes). */
export interface ReadReport {
  sheets: string[];
}

/**
 * The file's records, header first, read as a stream a batch at a time (a piece of the file's
 * rows, so that no row costs a turn of the event loop): CSV through Papa Parse, .xlsx through
 * exceljs's streaming reader.
 */
export function readRows(
  bytes: () => AsyncIterable<Buffer>,
  settings: ReadSettings,
  report: ReadReport = { sheets: [] },
): AsyncGenerator<SourceRow[]> {
  return settings.format === 'xlsx' ? batched(xlsxRows(bytes, settings.sheet, report)) : csvRows(bytes, settings);
}

async function* decoded(bytes: AsyncIterable<Buffer>, encoding: ImportEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of bytes) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * How records end, told by the first line break: Excel writes CRLF between records and a bare
 * LF inside a cell, so a file with any CRLF is read by CRLF. Null while a piece does not tell yet.
 */
function lineEndingOf(text: string, last: boolean): '\r\n' | '\n' | '\r' | null {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf >= 0) return '\n';
  const cr = text.indexOf('\r');
  if (cr >= 0 && (cr < text.length - 1 || last)) return '\r';
  return last ? '\n' : null;
}

/** Characters one CSV record may hold. */
const MAX_RECORD_CHARS = 1024 * 1024;

/**
 * CSV records, parsed a decoded piece at a time: what follows the last whole record (a row cut
 * by the piece's end, or a quoted cell spanning lines) waits for the next piece. Empty lines are
 * skipped; a quote never closed makes the file unreadable.
 */
async function* csvRows(bytes: () => AsyncIterable<Buffer>, settings: ReadSettings): AsyncGenerator<SourceRow[]> {
  let parser: Papa.Parser | null = null;
  let rest = '';
  let rowNumber = 0;
  const rowsOf = (text: string, last: boolean): SourceRow[] => {
    if (!parser) {
      const newline = lineEndingOf(text, last);
      if (!newline) {
        rest = text;
        return [];
      }
      parser = new Papa.Parser({ delimiter: settings.delimiter ?? ',', newline });
    }
    const results = parser.parse(text, 0, !last) as Papa.ParseResult<string[]>;
    const unclosed = results.errors.find((e) => e.code === 'MissingQuotes');
    if (unclosed)
      throw new AppError(422, 'import.unreadable', { reason: `${unclosed.message} (record ${rowNumber + (unclosed.row ?? 0) + 1})` });
    rest = text.slice(results.meta.cursor);
    const rows: SourceRow[] = [];
    for (const cells of results.data) if (cells.length > 1 || cells[0] !== '') rows.push({ rowNumber: ++rowNumber, cells });
    return rows;
  };
  for await (const piece of decoded(bytes(), settings.encoding ?? 'utf-8')) {
    const rows = rowsOf(rest + piece, false);
    if (rows.length) yield rows;
    // Waiting text is read again with each piece: a record this long is a quote left open.
    if (rest.length > MAX_RECORD_CHARS) throw new AppError(422, 'import.unreadable', { reason: `record ${rowNumber + 1} never ends` });
  }
  if (rest) yield rowsOf(rest, true);
}

/** Rows gathered into batches of at most `size`. */
async function* batched(rows: AsyncIterable<SourceRow>, size = 1000): AsyncGenerator<SourceRow[]> {
  let batch: SourceRow[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

async function* xlsxRows(bytes: () => AsyncIterable<Buffer>, sheet: string | null, report: ReadReport): AsyncGenerator<SourceRow> {
  const source = Readable.from(bytes());
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // dates are told by their style
    entries: 'ignore',
  });
  let chosen: string | null = null;
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${report.sheets.length + 1}`;
      report.sheets.push(name);
      const take = chosen === null && (sheet === null || sheet === name);
      if (take) chosen = name;
      for await (const row of worksheet) {
        if (!take) continue;
        const values = (row.values as unknown[]).slice(1).map(cellText);
        if (values.every((v) => v === '')) continue;
        yield { rowNumber: row.number, cells: values };
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(422, 'import.unreadable', { reason: err instanceof Error ? err.message : String(err) });
  } finally {
    source.destroy();
  }
  if (chosen === null && sheet !== null) throw badRequest('import.no_such_sheet', { sheet });
}

/** A cell as the text it shows: a formula's result, a date as YYYY-MM-DD (with the time when it has one), rich text joined. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
  }
  return '';
}
