import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
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

/** The file's records, header first, read as a stream: CSV through csv-parse, .xlsx through exceljs's streaming reader. */
export function readRows(
  bytes: () => AsyncIterable<Buffer>,
  settings: ReadSettings,
  report: ReadReport = { sheets: [] },
): AsyncGenerator<SourceRow> {
  return settings.format === 'xlsx' ? xlsxRows(bytes, settings.sheet, report) : csvRows(bytes, settings);
}

async function* decoded(bytes: AsyncIterable<Buffer>, encoding: ImportEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of bytes) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function* csvRows(bytes: () => AsyncIterable<Buffer>, settings: ReadSettings): AsyncGenerator<SourceRow> {
  const parser = parse({
    delimiter: settings.delimiter ?? ',',
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  });
  const source = Readable.from(decoded(bytes(), settings.encoding ?? 'utf-8'));
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++;
      yield { rowNumber, cells: record };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(422, 'import.unreadable', { reason: err instanceof Error ? err.message : String(err) });
  } finally {
    source.destroy();
    parser.destroy();
  }
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
