import type { ImportDelimiter, ImportEncoding } from '../../../common/schemas/import.js';

export type ImportFormat = 'csv' | 'xlsx';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const TEXT_EXTENSIONS = ['csv', 'txt', 'tsv', ''];

/**
 * What the file is, by its bytes and then its name: an .xlsx workbook (a zip), or text that
 * reads as CSV; null for anything else (an old .xls, a PDF, an image, a .docx…).
 */
export function sniffFormat(head: Buffer, fileName: string): ImportFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ZIP.every((b, i) => head[i] === b)) return ext === 'xlsx' || ext === '' ? 'xlsx' : null;
  if (!TEXT_EXTENSIONS.includes(ext) || head.length === 0) return null;
  // Text has no NUL bytes (UTF-16 and binary files do); control bytes other than tab/CR/LF are rare.
  let control = 0;
  for (const b of head) {
    if (b === 0) return null;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  }
  return control > head.length / 100 ? null : 'csv';
}

/** UTF-8 when the start of the file is valid UTF-8 (a sequence cut at the end is fine), else Windows-1251. */
export function guessEncoding(head: Buffer): ImportEncoding {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1251';
  }
}

/** The delimiter of the header line: whichever of `,` `;` tab occurs most outside quotes (a comma when none). */
export function detectDelimiter(text: string): ImportDelimiter {
  const counts: Record<ImportDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text.replace(/^\uFEFF/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as ImportDelimiter]++;
  }
  const best = (Object.keys(counts) as ImportDelimiter[]).sort((a, b) => counts[b] - counts[a])[0];
  return counts[best] > 0 ? best : ',';
}
