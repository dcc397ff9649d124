/**
 * CSV for spreadsheets (RFC 4180, CRLF, UTF-8 with a byte-order mark so Excel reads
 * Cyrillic). Text that a spreadsheet would run as a formula — starting with = + - @, a tab
 * or a carriage return — is prefixed with an apostrophe, so a client's name like
 * `=HYPERLINK(…)` stays text. Plain numbers such as "-12.50" are left as numbers.
 */

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Text a spreadsheet would run as a formula, kept as text (also for text cells of a workbook). */
export const neutraliseFormula = (text: string): string => (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text);

/** A field quoted when it holds the delimiter, a quote or a line break. */
export function quoteField(text: string, delimiter = ','): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One cell, neutralised and quoted when needed. */
export function csvCell(value: CsvCell, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  return quoteField(typeof value === 'number' ? String(value) : neutraliseFormula(value), delimiter);
}

/** The byte-order mark a document starts with. */
export const CSV_BOM = '\uFEFF';

/** Rows as CSV lines, each ended by CRLF (a streamed export writes a page at a time). */
export const csvLines = (rows: CsvCell[][], delimiter = ','): string =>
  rows.map((r) => `${r.map((cell) => csvCell(cell, delimiter)).join(delimiter)}\r\n`).join('');

/** A whole document: a header row, then one line per row. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return CSV_BOM + csvLines([header, ...rows]);
}

/** A file name safe for Content-Disposition. */
export const csvFileName = (base: string) => `${base.replace(/[^\w.-]+/g, '-')}.csv`;
