import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Caller, TestApp } from './harness.js';

/** A multipart body as a browser's FormData sends it: the text fields first, then the file. */
export async function multipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer | string; type?: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file)
    form.append(
      'file',
      new Blob([typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes)], { type: file.type ?? 'text/csv' }),
      file.name,
    );
  const req = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await req.arrayBuffer()), headers: { 'content-type': req.headers.get('content-type')! } };
}

/** Uploads a file for import as `by`. */
export async function uploadImport(
  by: Caller,
  entity: string,
  file: { name: string; bytes: Buffer | string; type?: string },
  fields: Record<string, string> = {},
) {
  const body = await multipart({ entity, ...fields }, file);
  return by.post('/api/v1/imports', body.payload, body.headers);
}

/** Commits an import as `by` and waits for the background run it starts; answers the import as it ended. */
export async function commitImport(t: TestApp, by: Caller, id: string) {
  const res = await by.post(`/api/v1/imports/${id}/commit`);
  expect(res.statusCode, res.body).toBe(202);
  await t.app.services.imports.idle();
  const after = await by.get(`/api/v1/imports/${id}`);
  return after.json();
}

/** Excel's "CSV UTF-8 (comma delimited)" as saved in a Russian locale: a byte-order mark, `;`, CRLF. */
export const excelUtf8Csv = (rows: string[][]) =>
  Buffer.from('\uFEFF' + rows.map((r) => r.map(quote).join(';')).join('\r\n') + '\r\n', 'utf8');

/** A 1C export: Windows-1251, `;`, CRLF, no byte-order mark. */
export function windows1251Csv(rows: string[][]): Buffer {
  const text = rows.map((r) => r.map(quote).join(';')).join('\r\n') + '\r\n';
  return encode1251(text);
}

/** Google Sheets' "Download as CSV": UTF-8 without a byte-order mark, commas, CRLF; quotes only where needed. */
export const googleSheetsCsv = (rows: string[][]) => Buffer.from(rows.map((r) => r.map(quote).join(',')).join('\r\n'), 'utf8');

function quote(cell: string): string {
  return /[",;\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Windows-1251 bytes of text in Latin and Cyrillic (what 1C writes). */
export function encode1251(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else if (code >= 0x410 && code <= 0x44f) out.push(code - 0x410 + 0xc0);
    else if (ch === 'Ё') out.push(0xa8);
    else if (ch === 'ё') out.push(0xb8);
    else if (ch === '№') out.push(0xb9);
    else out.push(0x3f);
  }
  return Buffer.from(out);
}

/** A workbook as Excel saves it, built with exceljs: sheets by name, rows of cells. */
export async function xlsxFile(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
