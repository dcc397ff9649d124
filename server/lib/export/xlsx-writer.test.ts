import { describe, expect, it } from 'vitest';
import { columnsOf } from './columns.js';
import { xlsxStream } from './xlsx-writer.js';

/*
 * The workbook writer's pace is its reader's: rows are read from the list only as fast as the
 * download takes the file, so a slow or stalled client holds a few pages in memory, never the
 * list. Measured in pages pulled, not in bytes or time, so it holds on any machine.
 */
type Row = { number: string; account: string; total: number };
const c = columnsOf<Row>();
const columns = [
  c.text({ en: 'Number', ru: 'Номер' }, (r) => r.number),
  c.text({ en: 'Account', ru: 'Клиент' }, (r) => r.account),
  c.money(
    { en: 'Total', ru: 'Сумма' },
    (r) => r.total,
    () => 'EUR',
  ),
];
const PAGES = 400;

/** A long list, counting the pages the writer asks for and telling when it stopped asking. */
function longList() {
  const seen = { pulled: 0, closed: false };
  async function* pages() {
    try {
      for (; seen.pulled < PAGES;) {
        seen.pulled += 1;
        yield Array.from({ length: 200 }, (_, i) => ({
          number: `INV-${seen.pulled}-${i}`,
          account: `Account ${i} Ltd`,
          total: 12_345 + i,
        }));
      }
    } finally {
      seen.closed = true;
    }
  }
  return { seen, pages: pages() };
}

/** Lets the writer, the zip and zlib's threads run for a while: the writer advances only if someone reads. */
async function letItRun() {
  for (let i = 0; i < 300; i++) await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 20)); // zlib's threads answer in their own time
}

/**
 * Runs until the writer has asked for no page in three rounds running (zlib works on threads
 * of its own, slower on a busy machine), or fifty rounds: a writer that never waits reads on
 * through all of them.
 */
async function settle(seen: { pulled: number }) {
  for (let round = 0, still = 0; round < 50 && still < 3; round++) {
    const before = seen.pulled;
    await letItRun();
    still = seen.pulled === before ? still + 1 : 0;
  }
}

describe('the streamed workbook', () => {
  it('reads no further than a stalled download has room for, and stops reading when the client leaves', async () => {
    const { seen, pages } = longList();
    const file = xlsxStream(columns, pages, { language: 'en', sheetName: 'Invoices' });
    file.read(0); // the download starts, then takes nothing
    await settle(seen);
    expect(seen.pulled).toBeGreaterThan(0);
    expect(seen.pulled).toBeLessThan(PAGES / 4);
    const stalledAt = seen.pulled;
    await letItRun();
    expect(seen.pulled).toBe(stalledAt); // waiting, not creeping on

    file.destroy(); // the client leaves
    await letItRun();
    expect(seen.closed).toBe(true);
    expect(seen.pulled).toBeLessThanOrEqual(stalledAt + 1);
  });
});
