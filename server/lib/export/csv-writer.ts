import { Readable } from 'node:stream';
import type { Language } from '../../../common/messages/index.js';
import { CSV_BOM, neutraliseFormula, quoteField } from '../csv.js';
import { minorToDecimal } from '../money.js';
import { headerRow, YES_NO, type ExportColumn } from './columns.js';

export type CsvDelimiter = 'comma' | 'semicolon';

export interface CsvOptions {
  language: Language;
  /**
   * `semicolon` is what Excel expects where the comma is the decimal separator (Russian and most
   * European locales): fields are split by `;` and decimals written with a comma, so amounts
   * open as numbers there.
   */
  delimiter: CsvDelimiter;
}

function cellText<T>(column: ExportColumn<T>, row: T, opts: CsvOptions): string {
  const value = column.value(row);
  if (value === null || value === undefined) return '';
  const decimal = (text: string) => (opts.delimiter === 'semicolon' ? text.replace('.', ',') : text);
  switch (column.kind) {
    case 'money':
      return decimal(minorToDecimal(Number(value), column.currency!(row)));
    case 'number':
      return decimal(String(value));
    case 'boolean':
      return YES_NO[opts.language][value ? 0 : 1];
    default:
      return neutraliseFormula(String(value));
  }
}

/**
 * A list as CSV (UTF-8 with a byte-order mark, CRLF lines), written a page at a time as the
 * response stream asks for more: the header in the reader's language, then one line per row.
 */
export function csvStream<T>(columns: readonly ExportColumn<T>[], pages: AsyncIterable<T[]>, opts: CsvOptions): Readable {
  const sep = opts.delimiter === 'semicolon' ? ';' : ',';
  const line = (cells: string[]) => `${cells.map((c) => quoteField(c, sep)).join(sep)}\r\n`;
  async function* chunks() {
    yield CSV_BOM + line(headerRow(columns, opts.language).map(neutraliseFormula));
    for await (const rows of pages) {
      if (rows.length) yield rows.map((row) => line(columns.map((c) => cellText(c, row, opts)))).join('');
    }
  }
  return Readable.from(chunks());
}
