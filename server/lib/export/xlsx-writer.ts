import { PassThrough, type Readable, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Language } from '../../../common/messages/index.js';
import { neutraliseFormula } from '../csv.js';
import { minorDigits } from '../money.js';
import { headerRow, type ExportColumn } from './columns.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const DATE_FORMAT = 'yyyy-mm-dd';
const TIMESTAMP_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const moneyFormat = (digits: number) => (digits ? `#,##0.${'0'.repeat(digits)}` : '#,##0');

/** Resolves once `stream` takes more, or once `out` is gone (the client left): the writer stops then. */
const drained = (stream: Writable, out: PassThrough) =>
  new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      out.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    out.on('close', done);
  });

/** Whether a writable asks its writer to wait; the zip's own streams (readable-stream 2) lack the getter. */
const needsDrain = (stream: Writable): boolean =>
  stream.writableNeedDrain ?? (stream as { _writableState?: { needDrain?: boolean } })._writableState?.needDrain ?? false;

/**
 * Where a sheet's XML goes first. exceljs writes the sheet into a buffer that pushes to the zip's
 * intake without heeding its backpressure, so a writer waiting only on the response would let
 * the zip's intake (uncompressed XML) grow as fast as rows are read; waiting on the intake
 * carries the response's pace back to the rows. Not in exceljs's types, hence the narrowing.
 */
function sheetIntake(sheet: ExcelJS.Worksheet): Writable[] {
  const stream = (sheet as unknown as { stream?: { pipes?: Writable[] } }).stream;
  return stream?.pipes ?? [];
}

type Cell = { value: ExcelJS.CellValue; numFmt?: string };

/** One typed cell: numbers as numbers, dates as dates (UTC), money as decimals of its currency. */
function cell<T>(column: ExportColumn<T>, row: T): Cell {
  const value = column.value(row);
  if (value === null || value === undefined) return { value: null };
  switch (column.kind) {
    case 'money': {
      const digits = minorDigits(column.currency!(row));
      return { value: Number(value) / 10 ** digits, numFmt: moneyFormat(digits) };
    }
    case 'number':
      return { value: Number(value) };
    case 'boolean':
      return { value: Boolean(value) };
    case 'date':
      return { value: new Date(`${String(value)}T00:00:00Z`), numFmt: DATE_FORMAT };
    case 'timestamp':
      return { value: new Date(String(value)), numFmt: TIMESTAMP_FORMAT };
    default:
      return { value: neutraliseFormula(String(value)) };
  }
}

/**
 * A list as an Excel workbook, through exceljs's streaming writer: each row is committed (and
 * leaves memory) as soon as it is written, strings are inline (no shared-string table growing
 * with the file), and between pages the writer waits while the zip's intake or the response
 * has not taken what was sent. An error mid-way ends the download broken rather than silently short.
 */
export function xlsxStream<T>(
  columns: readonly ExportColumn<T>[],
  pages: AsyncIterable<T[]>,
  opts: { language: Language; sheetName: string },
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(opts.sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headerRow(columns, opts.language).map((header) => ({
    header: neutraliseFormula(header),
    width: Math.max(12, header.length + 2),
  }));
  sheet.getRow(1).font = { bold: true };
  async function write() {
    sheet.getRow(1).commit();
    for await (const rows of pages) {
      for (const row of rows) {
        const line = sheet.addRow([]);
        columns.forEach((column, i) => {
          const { value, numFmt } = cell(column, row);
          const target = line.getCell(i + 1);
          target.value = value;
          if (numFmt) target.numFmt = numFmt;
        });
        line.commit();
      }
      for (const stream of [...sheetIntake(sheet), out]) {
        if (out.destroyed) return;
        if (needsDrain(stream)) await drained(stream, out);
      }
      if (out.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  }
  write().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}
