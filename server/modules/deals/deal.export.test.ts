import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deal } from '../../../common/schemas/deal.js';
import { createDeal } from '../../test/deal-fixtures.js';
import { expectProblem, fetchAllPages } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, VIEWERS, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
let dealA: Deal;
let dealB: Deal;
let won: Deal;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T09:00:00.000Z' });
  w = await buildWorld(t);
  dealA = await createDeal(w.as.owner, w.accountA.id, { title: '=HYPERLINK("http://evil")', amount: 1_234_567, stage: 'proposal' });
  dealB = await createDeal(w.as.nonOwner, w.accountB.id, { title: 'Beta yen deal', amount: 500_000, currency: 'JPY' });
  won = await createDeal(w.as.owner, w.accountA.id, { title: 'Won retainer', amount: 90_000, expectedCloseDate: '2026-12-20' });
  const res = await w.as.owner.post(`/api/v1/deals/${won.id}/stage`, { stage: 'won', note: 'Signed on the call' });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(() => t.close());

/** RFC 4180 rows (quoted cells with doubled quotes, CRLF), enough to read back what the export wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

/** The export as header + rows, after checking it is a UTF-8 CSV download with a byte-order mark. */
async function exportOf(viewer: (typeof VIEWERS)[number], query = '') {
  const res = await w.as[viewer].get(`/api/v1/deals.csv${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(res.headers['content-disposition']).toBe('attachment; filename="deals.csv"');
  expect(res.body.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(res.body.slice(1));
  return { header: header ?? [], rows, col: (name: string) => (header ?? []).indexOf(name) };
}

const titles = async (viewer: (typeof VIEWERS)[number], query = '') => {
  const csv = await exportOf(viewer, query);
  return csv.rows.map((r) => r[csv.col('Title')]);
};

describe('who exports which deals', () => {
  it.each(['admin', 'owner', 'nonOwner', 'backup', 'finance'] as const)('%s gets exactly the deals the list shows them', async (viewer) => {
    const listed = await fetchAllPages<Deal>(w.as[viewer], '/api/v1/deals?limit=2');
    const exported = await titles(viewer);
    expect(exported).toEqual(listed.map((d) => `${d.title.startsWith('=') ? "'" : ''}${d.title}`));
    const sees = { A: listed.some((d) => d.id === dealA.id), B: listed.some((d) => d.id === dealB.id) };
    expect(sees).toEqual({ A: viewer !== 'nonOwner', B: ['admin', 'nonOwner', 'finance'].includes(viewer) });
  });

  it.each(['specialist', 'clientA', 'clientB'] as const)('%s is refused with a 403 problem, as for the list', async (viewer) => {
    expectProblem(await w.as[viewer].get('/api/v1/deals.csv'), 403);
  });

  it('refuses a bad filter with a 400 problem before sending any file', async () => {
    expectProblem(await w.as.owner.get('/api/v1/deals.csv?stage=dreaming'), 400, 'stage');
    expectProblem(await w.as.owner.get('/api/v1/deals.csv?closeFrom=2026-13-01'), 400, 'closeFrom');
  });
});

describe('what a row holds', () => {
  it('writes amounts as decimal text beside their currency, and formula-looking text as text', async () => {
    const csv = await exportOf('admin', '?sort=amount');
    const byTitle = (title: string) => csv.rows.find((r) => r[csv.col('Title')] === title)!;
    const evil = byTitle(`'=HYPERLINK("http://evil")`);
    expect([evil[csv.col('Currency')], evil[csv.col('Amount')], evil[csv.col('Stage')]]).toEqual(['EUR', '12345.67', 'proposal']);
    const yen = byTitle('Beta yen deal');
    expect([yen[csv.col('Currency')], yen[csv.col('Amount')], yen[csv.col('Account')]]).toEqual(['JPY', '500000', 'Beta Studio']);
    const closed = byTitle('Won retainer');
    expect([closed[csv.col('State')], closed[csv.col('Next step overdue')], closed[csv.col('Closed at')]]).toEqual([
      'won',
      'no',
      '2026-11-26T09:00:00.000Z',
    ]);
    // Largest first, as the list sorts by amount; never a sum across currencies.
    expect(csv.rows.map((r) => r[csv.col('Title')]).slice(0, 2)).toEqual([`'=HYPERLINK("http://evil")`, 'Beta yen deal']);
    expect(csv.header).not.toContain('Total');
  });
});

describe('filters', () => {
  it('exports exactly the filtered list: owner, state, stage and expected close period', async () => {
    expect(await titles('admin', `?owner=${w.as.nonOwner.user.id}`)).toEqual(['Beta yen deal']);
    expect(await titles('owner', '?owner=me&state=won')).toEqual(['Won retainer']);
    expect(await titles('admin', '?stage=proposal')).toEqual([`'=HYPERLINK("http://evil")`]);
    expect(await titles('admin', '?closeFrom=2026-12-01&closeTo=2026-12-31')).toEqual(['Won retainer']);
  });

  it('bounds closed deals by the day they closed in the agency’s time zone (the board’s recent wins and losses)', async () => {
    const ids = async (q: string) => (await fetchAllPages<Deal>(t.admin, `/api/v1/deals?${q}`)).map((d) => d.id);
    expect(await ids('state=won&closedFrom=2026-11-26&closedTo=2026-11-26')).toEqual([won.id]);
    expect(await ids('closedFrom=2026-11-27')).toEqual([]);
    expect(await ids('closedTo=2026-11-25')).toEqual([]);
    // Open deals have not closed, so a closing period leaves them out.
    expect(await ids('closedFrom=2026-01-01')).toEqual([won.id]);
    expect(await titles('admin', '?closedFrom=2026-11-26')).toEqual(['Won retainer']);
    expectProblem(await t.admin.get('/api/v1/deals?closedFrom=yesterday'), 400, 'closedFrom');
  });

  it('totals each stage per currency over the same filters, for the board’s columns', async () => {
    await createDeal(w.as.owner, w.accountA.id, { title: 'Second proposal', amount: 100, stage: 'proposal' });
    await createDeal(w.as.owner, w.accountA.id, { title: 'Dollar proposal', amount: 700, currency: 'USD', stage: 'proposal' });
    const totals = async (by: (typeof VIEWERS)[number], q: string) => (await w.as[by].get(`/api/v1/deals/totals?${q}`)).json().items;
    expect(await totals('owner', 'owner=me&state=open')).toEqual([
      { stage: 'proposal', currency: 'EUR', count: 2, amount: 1_234_667 },
      { stage: 'proposal', currency: 'USD', count: 1, amount: 700 },
    ]);
    expect(await totals('owner', 'state=won&closedFrom=2026-11-26')).toEqual([{ stage: 'won', currency: 'EUR', count: 1, amount: 90_000 }]);
    // The other company's deals are not counted for a manager who does not read them.
    expect(await totals('nonOwner', 'stage=proposal')).toEqual([]);
    expect(await totals('admin', 'stage=qualified')).toEqual([{ stage: 'qualified', currency: 'JPY', count: 1, amount: 500_000 }]);
    expectProblem(await w.as.specialist.get('/api/v1/deals/totals'), 403);
    expectProblem(await w.as.owner.get('/api/v1/deals/totals?state=maybe'), 400, 'state');
  });

  it('streams every page of a list longer than one read', async () => {
    const opened: string[] = [];
    for (let i = 0; i < 205; i++)
      opened.push((await createDeal(w.as.nonOwner, w.accountB.id, { title: `Bulk ${i}`, amount: 1000 + i })).id);
    const exported = await titles('nonOwner', '?sort=amount');
    expect(exported).toHaveLength(206);
    expect(exported.slice(0, 3)).toEqual(['Beta yen deal', 'Bulk 204', 'Bulk 203']);
    expect(new Set(exported).size).toBe(206);
  });
});
