import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../lib/ids.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { insertRows } from './bulk-insert.js';

// More rows than one statement takes on either database (1,000 bound rows on SQLite, 5,000 JSON rows on PostgreSQL).
const ROWS = 12_001;
const NAMES = ['Plain', 'Quote " and \\ backslash', "Apostrophe's", 'Ёлка «Север» 🎄', 'Tab\tand\nnewline', '{"looks": "like json"}'];

describe('inserting many rows at once', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('stores every row with its values as the columns take them, a missing value as null', async () => {
    const rows = Array.from({ length: ROWS }, (_, i) => ({
      id: newId(),
      name: `${NAMES[i % NAMES.length]} ${i}`,
      search_text: `bulk ${i}`,
      status: i % 2 ? ('active' as const) : ('prospect' as const),
      industry: i % 3 ? 'Retail' : undefined,
      website: null,
      owner_id: null,
      backup_owner_id: null,
      currency: 'EUR',
      payment_terms_days: i % 90,
      credit_limit_minor: i % 5 ? 9_007_199_254_740 : null,
      language: 'en' as const,
      client_since: i % 2 ? '2026-01-31' : null,
      import_id: null,
      created_at: '2026-12-02T08:30:00.123Z',
      updated_at: '2026-12-02T08:30:00.123Z',
    }));
    await insertRows(database.db, 'accounts', rows);
    const stored = await database.db
      .selectFrom('accounts')
      .select(['id', 'name', 'industry', 'website', 'payment_terms_days', 'credit_limit_minor', 'client_since', 'created_at', 'version'])
      .where('search_text', 'like', 'bulk %')
      .orderBy('id')
      .execute();
    expect(stored).toHaveLength(ROWS);
    const byId = new Map(stored.map((s) => [s.id, s]));
    for (const i of [0, 1, 2, 3, 4, 5, 999, 1000, 4999, 5000, ROWS - 1]) {
      const r = rows[i];
      const s = byId.get(r.id)!;
      expect(s.name).toBe(r.name);
      expect(s.industry).toBe(r.industry ?? null);
      expect(s.website).toBeNull();
      expect(Number(s.payment_terms_days)).toBe(r.payment_terms_days);
      expect(s.credit_limit_minor === null ? null : Number(s.credit_limit_minor)).toBe(r.credit_limit_minor);
      const since: unknown = s.client_since; // a date: text on SQLite, a Date from PostgreSQL
      expect(since instanceof Date ? since.toISOString().slice(0, 10) : since).toBe(r.client_since);
      expect(new Date(s.created_at).toISOString()).toBe(r.created_at);
      expect(Number(s.version)).toBe(1); // a column left out takes its default
    }
  });

  it('applies the conflict clause to rows already there', async () => {
    const kinds = ['claim', 'deal'] as const;
    await database.db.deleteFrom('search_cursors').where('kind', 'in', kinds).execute();
    await insertRows(
      database.db,
      'search_cursors',
      kinds.map((kind) => ({ kind, cursor: '2026-01-01T00:00:00.000Z' })),
    );
    await insertRows(
      database.db,
      'search_cursors',
      kinds.map((kind) => ({ kind, cursor: '2026-12-01T00:00:00.000Z' })),
      'on conflict ("kind") do update set "cursor" = excluded."cursor"',
    );
    const stored = await database.db.selectFrom('search_cursors').select(['kind', 'cursor']).where('kind', 'in', kinds).execute();
    expect(stored.map((s) => [s.kind, new Date(s.cursor).toISOString()]).sort()).toEqual(kinds.map((k) => [k, '2026-12-01T00:00:00.000Z']));
  });
});
