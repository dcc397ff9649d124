import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvReader, CsvSyntaxError } from './import.csv.js';

/** csv-parse with the options imports read CSV with: the reference the reader must agree with. */
function reference(text: string, delimiter: string): string[][] {
  return parse(text, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
}

/** The reader fed the text in pieces of the given sizes (cycled). */
function read(text: string, delimiter: string, sizes: number[] = [text.length || 1]): string[][] {
  const reader = new CsvReader(delimiter);
  const records: string[][] = [];
  for (let at = 0, k = 0; at < text.length; k++) {
    const size = Math.max(1, sizes[k % sizes.length]);
    records.push(...reader.push(text.slice(at, at + size)));
    at += size;
  }
  records.push(...reader.end());
  return records;
}

describe('the CSV reader', () => {
  it('reads what spreadsheets write: quotes, doubled quotes, newlines in quotes, empty lines, a BOM', () => {
    const text = '\ufeffName;Note\r\n"Acme; Ltd";"Said ""hi""\r\nthen left"\r\n\r\nПётр;\r\n;x\r\n""\r\nlast;one';
    const expected = [['Name', 'Note'], ['Acme; Ltd', 'Said "hi"\r\nthen left'], ['Пётр', ''], ['', 'x'], [''], ['last', 'one']];
    expect(read(text, ';')).toEqual(expected);
    // Any split of the text reads the same.
    for (const size of [1, 2, 3, 7]) expect(read(text, ';', [size])).toEqual(expected);
  });

  it('keeps a quote inside an unquoted field and refuses a quote never closed', () => {
    expect(read('a,5" screen,b\n', ',')).toEqual([['a', '5" screen', 'b']]);
    expect(() => read('a,"open\nmore', ',')).toThrow(CsvSyntaxError);
  });

  it('agrees with csv-parse on random text split anywhere', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = ['a', 'b', ',', ';', '\t', '"', '"', '\r', '\n', '\r\n', ' ', 'ё'];
    for (let round = 0; round < 600; round++) {
      const delimiter = [',', ';', '\t'][round % 3];
      let text = '';
      for (let i = random(25); i > 0; i--) text += alphabet[random(alphabet.length)];
      let expected: string[][] | 'error';
      try {
        expected = reference(text, delimiter);
      } catch {
        expected = 'error';
      }
      const sizes = [1 + random(5), 1 + random(9)];
      let actual: string[][] | 'error';
      try {
        actual = read(text, delimiter, sizes);
      } catch {
        actual = 'error';
      }
      expect(actual, JSON.stringify({ text, delimiter, sizes })).toEqual(expected);
    }
  });
});
