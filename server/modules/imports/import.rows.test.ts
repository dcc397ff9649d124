import { describe, expect, it } from 'vitest';
import { readRows, type ReadSettings } from './import.rows.js';

const CSV: ReadSettings = { format: 'csv', encoding: 'utf-8', delimiter: ',', sheet: null };

/** The file in pieces of `size` bytes, as the stored file is read. */
const inPieces = (bytes: Buffer, size: number) =>
  async function* () {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  };

async function records(pieces: () => AsyncIterable<Buffer>, settings = CSV) {
  const out: { rowNumber: number; cells: string[] }[] = [];
  for await (const batch of readRows(pieces, settings)) out.push(...batch);
  return out;
}

describe('reading CSV records', () => {
  // Excel's "CSV UTF-8": a BOM, CRLF between records, a bare LF inside a quoted cell, quotes doubled.
  const file = Buffer.from(
    '\ufeffName,Note,City\r\n"Acme, Inc.","line one\nline two",Москва\r\n\r\nBeta,"say ""hi""",Тверь\r\nGamma,,Омск',
  );
  const expected = [
    { rowNumber: 1, cells: ['Name', 'Note', 'City'] },
    { rowNumber: 2, cells: ['Acme, Inc.', 'line one\nline two', 'Москва'] },
    { rowNumber: 3, cells: ['Beta', 'say "hi"', 'Тверь'] },
    { rowNumber: 4, cells: ['Gamma', '', 'Омск'] },
  ];

  it('reads the same records wherever the file is cut into pieces', async () => {
    // Every piece size cuts somewhere new: inside a quoted cell, between CR and LF, inside a Cyrillic letter.
    for (let size = 1; size <= file.length; size++) {
      expect(await records(inPieces(file, size)), `pieces of ${size} bytes`).toEqual(expected);
    }
  });

  it('reads a semicolon-delimited file with LF line ends', async () => {
    const semi = Buffer.from('Имя;Компания\nАнна;Север\n\nБорис;Юг\n');
    expect(await records(inPieces(semi, 7), { ...CSV, delimiter: ';' })).toEqual([
      { rowNumber: 1, cells: ['Имя', 'Компания'] },
      { rowNumber: 2, cells: ['Анна', 'Север'] },
      { rowNumber: 3, cells: ['Борис', 'Юг'] },
    ]);
  });

  it('refuses a file whose quote is never closed, wherever it is cut', async () => {
    const broken = Buffer.from('First name,Account\r\n"Ann,Acme\r\nBob,Acme\r\n');
    for (const size of [3, 16, broken.length]) {
      await expect(records(inPieces(broken, size))).rejects.toMatchObject({ status: 422, code: 'import.unreadable' });
    }
  });

  it('stops at a record past a megabyte rather than reading the rest of the file into it', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `Person ${i},Acme`).join('\r\n');
    const open = Buffer.from(`First name,Account\r\n"Ann,Acme\r\n${rows}\r\n`);
    await expect(records(inPieces(open, 64 * 1024))).rejects.toMatchObject({ params: { reason: 'record 2 never ends' } });
  });
});
