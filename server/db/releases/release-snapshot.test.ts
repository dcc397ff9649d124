import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyPostgresDatabase, testDatabaseUrl } from '../../test/database.js';
import { openDatabase, type Database, type DialectName } from '../database.js';
import { isPostgres } from '../migrations/helpers.js';
import { dumpSqlite, loadSnapshot, type SnapshotTable } from './release-snapshot.js';

// The snapshot's own mechanics on a small schema with what the real one has: two tables that
// reference each other (accounts ⇄ users), a row referencing a later row of its own table, bytes.
async function createSchema(db: Kysely<any>) {
  const pg = isPostgres(db);
  // people ⇄ companies: SQLite takes a reference to a table still to come, PostgreSQL adds it after.
  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('company_id', 'text', (c) => (pg ? c : c.references('companies.id')))
    .execute();
  await db.schema
    .createTable('companies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('people.id'))
    .execute();
  if (pg) await db.schema.alterTable('people').addForeignKeyConstraint('people_company_fk', ['company_id'], 'companies', ['id']).execute();
  await db.schema
    .createTable('tree')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text', (c) => c.references('tree.id'))
    .addColumn('data', pg ? 'bytea' : 'blob')
    .execute();
}

const rowsOf = (db: Kysely<any>, table: string) => db.selectFrom(table).selectAll().orderBy('id').execute();

let source: Database;
let tables: SnapshotTable[];
let target: { db: Database; dialect: DialectName; drop(): Promise<void> };

beforeAll(async () => {
  source = openDatabase({ sqlitePath: ':memory:' }).db;
  const s = source as Kysely<any>;
  await createSchema(s);
  await s.insertInto('people').values({ id: 'p1', company_id: null }).execute();
  await s.insertInto('companies').values({ id: 'c1', owner_id: 'p1' }).execute();
  await s.updateTable('people').set({ company_id: 'c1' }).execute();
  await s
    .insertInto('tree')
    .values([
      { id: 't1', parent_id: null, data: Buffer.from([0, 1, 2, 255]) },
      { id: 't2', parent_id: null, data: null },
    ])
    .execute();
  await s.updateTable('tree').set({ parent_id: 't2' }).where('id', '=', 't1').execute(); // t1 now needs t2 first
  tables = await dumpSqlite(source);

  const url = testDatabaseUrl();
  if (url) {
    const empty = await createEmptyPostgresDatabase(url);
    const { db, dialect } = openDatabase({ databaseUrl: empty.databaseUrl, poolSize: 1 });
    target = { db, dialect, drop: () => db.destroy().then(() => empty.drop()) };
    await createSchema(db as Kysely<any>);
  } else {
    const { db, dialect } = openDatabase({ sqlitePath: ':memory:' });
    target = { db, dialect, drop: () => db.destroy() };
    await createSchema(target.db as Kysely<any>);
  }
});
afterAll(async () => {
  await source.destroy();
  await target.drop();
});

describe('a release snapshot', () => {
  it('orders tables parents first, deferring a nullable column that closes a cycle, and a row after the row it references', () => {
    expect(tables.map((t) => [t.name, t.deferred])).toEqual([
      ['people', ['company_id']],
      ['companies', []],
      ['tree', []],
    ]);
    expect(tables[2].rows).toEqual([
      ['t2', null, null],
      ['t1', 't2', { base64: Buffer.from([0, 1, 2, 255]).toString('base64') }],
    ]);
  });

  it('loads into an empty database of the same schema, every value as it was', async () => {
    await loadSnapshot(target.db, target.dialect, { release: 'test', demoToday: '', migrations: [], tables });
    const db = target.db as Kysely<any>;
    expect(await rowsOf(db, 'people')).toEqual([{ id: 'p1', company_id: 'c1' }]);
    expect(await rowsOf(db, 'companies')).toEqual([{ id: 'c1', owner_id: 'p1' }]);
    const tree = await rowsOf(db, 'tree');
    expect(tree.map((r) => [r.id, r.parent_id])).toEqual([
      ['t1', 't2'],
      ['t2', null],
    ]);
    expect(Buffer.from(tree[0].data as Uint8Array).equals(Buffer.from([0, 1, 2, 255]))).toBe(true);
  });
});
