import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../common/schemas/account.js';
import { auditEntries, expectNoWrite, expectProblem, fetchAllPages } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const START = '2026-03-02T09:00:00.000Z';
const idsOf = (items: Array<{ id: string }>) => items.map((i) => i.id);
const countOf = (ids: string[], id: string) => ids.filter((x) => x === id).length;

/** A manager of their own, so their list holds exactly the accounts a test makes. */
async function freshManager(): Promise<Caller> {
  t.clock.set(START);
  return t.signIn('account_manager');
}

describe('cursor pagination while accounts are being added', () => {
  it('sort=name: walks every existing account exactly once, in order, while others are added before and after the cursor', async () => {
    const m = await freshManager();
    const names = Array.from({ length: 23 }, (_, i) => `Paged ${String(i + 1).padStart(2, '0')}`);
    names.push('Paged 07', 'Paged 07', 'Paged 15'); // equal names: the id breaks the tie
    const existing: Account[] = [];
    for (const name of names) existing.push(await t.createAccount(m, { name }));

    const early: string[] = [];
    const late: string[] = [];
    const seen = await fetchAllPages<Account>(m, '/api/v1/accounts?sort=name&limit=4', async (page) => {
      early.push((await t.createAccount(m, { name: `0 early ${page}` })).id);
      late.push((await t.createAccount(m, { name: `zz late ${page}` })).id);
    });

    const ids = idsOf(seen);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of existing) expect(countOf(ids, a.id)).toBe(1);
    // Keyset pages never step back: rows added before the cursor are not served, rows after it are.
    for (const id of early) expect(ids).not.toContain(id);
    for (const id of late) expect(ids).toContain(id);
    const pagedNames = seen.filter((a) => a.name.startsWith('Paged')).map((a) => a.name);
    expect(pagedNames).toEqual([...names].sort());
  });

  it('sort=-createdAt: serves newest first, each existing account once, older arrivals at the end and newer ones not at all', async () => {
    const m = await freshManager();
    const existing: Account[] = [];
    for (let i = 0; i < 17; i++) {
      if (i % 3 !== 0) t.clock.advance(60_000); // every third shares its predecessor's timestamp
      existing.push(await t.createAccount(m, { name: `Dated ${i}` }));
    }
    const newer: string[] = [];
    const older: string[] = [];
    const seen = await fetchAllPages<Account>(m, '/api/v1/accounts?sort=-createdAt&limit=5', async () => {
      t.clock.advance(3_600_000);
      newer.push((await t.createAccount(m, { name: 'Newer' })).id);
      const now = t.clock.now();
      t.clock.set('2025-01-01T00:00:00.000Z');
      older.push((await t.createAccount(m, { name: 'Older' })).id);
      t.clock.set(now.toISOString());
    });

    const ids = idsOf(seen);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of existing) expect(countOf(ids, a.id)).toBe(1);
    for (const id of newer) expect(ids).not.toContain(id);
    for (const id of older) expect(ids).toContain(id);
    const stamps = seen.map((a) => a.createdAt);
    expect(stamps).toEqual([...stamps].sort().reverse());
  });
});

describe('limits', () => {
  it.each(['0', '201', '-1'])('refuses limit=%s with 400', async (limit) => {
    expectProblem(await t.admin.get(`/api/v1/accounts?limit=${limit}`), 400, 'limit');
  });

  it('accepts 1 and 200, and defaults to 50', async () => {
    const m = await freshManager();
    for (let i = 0; i < 52; i++) await t.createAccount(m, { name: `Limit ${i}` });
    const one = (await m.get('/api/v1/accounts?limit=1')).json();
    expect(one.items).toHaveLength(1);
    expect(one.nextCursor).toEqual(expect.any(String));
    expect((await m.get('/api/v1/accounts')).json().items).toHaveLength(50);
    const all = (await m.get('/api/v1/accounts?limit=200')).json();
    expect(all.items).toHaveLength(52);
    expect(all.nextCursor).toBeNull();
  });
});

describe('filters', () => {
  it('filters by status, owner and creation dates (both ends inclusive, in UTC days)', async () => {
    const m = await freshManager();
    const other = await t.signIn('account_manager');
    t.clock.set('2026-01-10T23:59:59.000Z');
    const jan10 = await t.createAccount(m, { name: 'Jan 10', status: 'active' });
    t.clock.set('2026-01-11T00:00:00.000Z');
    const jan11 = await t.createAccount(m, { name: 'Jan 11', status: 'paused' });
    t.clock.set('2026-01-12T12:00:00.000Z');
    const jan12 = await t.createAccount(t.admin, { name: 'Jan 12', status: 'active', ownerId: other.user.id });
    const list = async (query: string) => idsOf((await t.admin.get(`/api/v1/accounts?limit=200&${query}`)).json().items);

    const window = 'createdFrom=2026-01-10&createdTo=2026-01-12';
    expect(await list(window)).toEqual([jan10.id, jan11.id, jan12.id]);
    expect(await list('createdFrom=2026-01-11&createdTo=2026-01-11')).toEqual([jan11.id]);
    expect(await list(`${window}&status=active`)).toEqual([jan10.id, jan12.id]);
    expect(await list(`${window}&ownerId=${other.user.id}`)).toEqual([jan12.id]);
    expect(await list(`${window}&ownerId=${m.user.id}&status=paused`)).toEqual([jan11.id]);
    expect(await list(`createdFrom=2026-01-12&ownerId=${m.user.id}`)).toEqual([]);
  });
});

describe('text search', () => {
  let m: Caller;
  const made: Record<string, string> = {};
  beforeAll(async () => {
    m = await freshManager();
    for (const name of ['Ромашка', 'Ёлкин и партнёры', 'Acme Widgets', 'Fifty % Off', 'Unrelated']) {
      made[name] = (await t.createAccount(m, { name })).id;
    }
  });
  const found = async (q: string) => (await m.get(`/api/v1/accounts?q=${encodeURIComponent(q)}`)).json().items.map((a: Account) => a.name);

  it.each([
    ['ромаш', 'Ромашка'],
    ['РОМАШ', 'Ромашка'],
    ['мАшК', 'Ромашка'],
    ['елкин', 'Ёлкин и партнёры'],
    ['ЁЛКИН', 'Ёлкин и партнёры'],
    ['партнер', 'Ёлкин и партнёры'],
    ['acme', 'Acme Widgets'],
    ['WIDG', 'Acme Widgets'],
  ])('finds by «%s» regardless of case and ё/е', async (q, name) => {
    expect(await found(q)).toEqual([name]);
  });

  it('treats % and _ as plain characters', async () => {
    expect(await found('%')).toEqual(['Fifty % Off']);
    expect(await found('_')).toEqual([]);
  });
});

describe('optimistic locking', () => {
  it('two PATCHes with the same If-Match at once: exactly one 200 and one 412, and the record shows the winner', async () => {
    const m = await freshManager();
    const account = await t.createAccount(m, { name: 'Contended' });
    const [a, b] = await Promise.all([
      m.patch(`/api/v1/accounts/${account.id}`, { name: 'Winner A' }, { 'if-match': '"1"' }),
      m.patch(`/api/v1/accounts/${account.id}`, { name: 'Winner B' }, { 'if-match': '"1"' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    expectProblem(lost, 412);
    const now = (await m.get(`/api/v1/accounts/${account.id}`)).json();
    expect(now.name).toBe(won.json().name);
    expect(now.version).toBe(2);
    expect((await auditEntries(t, `recordId=${account.id}`)).map((e) => e.action)).toEqual(['update', 'create']);
  });

  it('a stale If-Match answers 412 and changes nothing: same version, no audit entry', async () => {
    const m = await freshManager();
    const account = await t.createAccount(m, { name: 'Edited twice' });
    const first = await m.patch(`/api/v1/accounts/${account.id}`, { industry: 'Retail' }, { 'if-match': '"1"' });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    const res = await expectNoWrite(t, () =>
      m.patch(`/api/v1/accounts/${account.id}`, { industry: 'Farming', status: 'active' }, { 'if-match': '"1"' }),
    );
    expectProblem(res, 412);
    const now = (await m.get(`/api/v1/accounts/${account.id}`)).json();
    expect(now).toMatchObject({ version: 2, industry: 'Retail', status: 'prospect' });
    expect((await auditEntries(t, `recordId=${account.id}`)).map((e) => e.action)).toEqual(['update', 'create']);
    const weak = await m.patch(`/api/v1/accounts/${account.id}`, { industry: 'Farming' }, { 'if-match': 'W/"2"' });
    expect(weak.json().version).toBe(3);
  });
});
