import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';
import { inBatches, updateInBatches, type Batches } from './helpers.js';

let database: TestDatabase;
let db: Kysely<any>;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await db.schema
    .createTable('batch_probe')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text')
    .execute();
});
afterAll(() => database.drop());

// 25 rows, 3 of which were already rewritten: 22 to do, in batches of 10.
beforeEach(async () => {
  await db.deleteFrom('batch_probe').execute();
  const rows = Array.from({ length: 25 }, (_, i) => ({
    id: `r${String(i + 1).padStart(2, '0')}`,
    name: `Name ${i + 1}`,
    slug: null as string | null,
  }));
  for (const r of [rows[0], rows[11], rows[24]]) r.slug = 'kept';
  await db.insertInto('batch_probe').values(rows).execute();
});

const todo: Batches = { table: 'batch_probe', where: (eb) => eb('slug', 'is', null), batchSize: 10 };
const rewrite = { ...todo, set: (eb: any) => ({ slug: eb.fn('lower', [eb.ref('name')]) }) };
const slugs = async () => (await db.selectFrom('batch_probe').select(['id', 'slug']).orderBy('id').execute()).map((r) => r.slug);
const left = async () => (await slugs()).filter((s) => s === null).length;

/** A step that rewrites its batch, then fails on the second one. */
const failingOnSecond = () => {
  let n = 0;
  return async (t: Kysely<any>, batch: Parameters<Parameters<typeof inBatches>[2]>[1]) => {
    await t.updateTable('batch_probe').set({ slug: 'done' }).where(batch.where).execute();
    if (++n === 2) throw new Error('the second batch fails');
  };
};

describe('rewriting a table in batches', () => {
  it('rewrites only the rows that still need it, from the row’s own columns, at most batchSize rows a statement', async () => {
    const sizes: number[] = [];
    const batches = await inBatches(db, todo, async (t, batch) => {
      const { n } = await t
        .selectFrom('batch_probe')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(batch.where)
        .executeTakeFirstOrThrow();
      sizes.push(Number(n));
    });
    expect([batches, sizes]).toEqual([3, [10, 10, 2]]);

    expect(await updateInBatches(db, rewrite)).toBe(22);
    const after = await slugs();
    expect(after.filter((s) => s === 'kept')).toHaveLength(3);
    expect(after[1]).toBe('name 2');
    expect(after[23]).toBe('name 24');
    expect(await updateInBatches(db, rewrite)).toBe(0);
  });

  it('commits each batch when given the database: a failed run keeps its first batch, and a re-run does the rest', async () => {
    await expect(inBatches(db, todo, failingOnSecond())).rejects.toThrow('the second batch fails');
    expect(await left()).toBe(12);
    expect(await updateInBatches(db, rewrite)).toBe(12);
    expect(await left()).toBe(0);
  });

  it('shares the fate of a transaction it is given, as a migration’s on PostgreSQL', async () => {
    await expect(db.transaction().execute((trx) => inBatches(trx, todo, failingOnSecond()))).rejects.toThrow('the second batch fails');
    expect(await left()).toBe(22);
  });
});
