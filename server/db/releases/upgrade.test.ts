import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { DEMO_PASSWORD } from '../../demo/demo.people.js';
import { TestClock } from '../../test/clock.js';
import { createEmptyPostgresDatabase, testDatabaseUrl } from '../../test/database.js';
import { openDatabase, type Database, type DialectName } from '../database.js';
import { KNOWN_MIGRATIONS, migrateAsRelease, migrateToLatest, schemaVersion } from '../migrations/index.js';
import { latestSnapshotFile, loadSnapshot, readSnapshot, type ReleaseSnapshot, type SnapshotTable } from './release-snapshot.js';

// An installation of the latest release, filled with the demo, upgrades to this build: every row
// is still there and reads as it did. The snapshot is refreshed at each release (docs/migrations.md).
const snapshot: ReleaseSnapshot = readSnapshot(latestSnapshotFile()!);
const table = (name: string) => snapshot.tables.find((t) => t.name === name)!;
/** A snapshot table's rows by column name. */
const rowsOf = (t: SnapshotTable) => t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])) as Record<string, any>);

let db: Database;
let dialect: DialectName;
let dropDatabase: () => Promise<void> = async () => undefined;
let app: FastifyInstance;

beforeAll(async () => {
  const url = testDatabaseUrl();
  const empty = url ? await createEmptyPostgresDatabase(url) : undefined;
  ({ db, dialect } = openDatabase(empty ? { databaseUrl: empty.databaseUrl, poolSize: 2 } : { sqlitePath: ':memory:' }));
  if (empty) dropDatabase = () => empty.drop();
  await migrateAsRelease(db, snapshot.migrations);
  await loadSnapshot(db, dialect, snapshot);
  await migrateToLatest(db);
  app = await buildApp({ db, dialect, clock: new TestClock(snapshot.demoToday), logLevel: 'silent', webDist: null });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await db?.destroy();
  await dropDatabase();
});

async function signIn(email: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: DEMO_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  return String(res.headers['set-cookie']).split(';')[0];
}

const get = async (cookie: string, url: string) => {
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res;
};

describe(`upgrading a database of release ${snapshot.release}, filled with the demo`, () => {
  it('brings it to this build’s schema', async () => {
    expect(snapshot.migrations.length).toBeGreaterThan(0);
    expect(await schemaVersion(db)).toEqual({ current: KNOWN_MIGRATIONS.at(-1), latest: KNOWN_MIGRATIONS.at(-1), unknown: [] });
  });

  it('keeps every row of every table the release had', async () => {
    const existing = new Set((await db.introspection.getTables()).map((t) => t.name));
    const counts: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const t of snapshot.tables.filter((x) => existing.has(x.name))) {
      const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.id(t.name)}`.execute(db);
      counts[t.name] = Number(rows[0].n);
      expected[t.name] = t.rows.length;
    }
    expect(counts).toEqual(expected);
    expect(expected.accounts).toBe(40);
  });

  it('keeps the running totals current: the triggers are on again after the load', async () => {
    const task = rowsOf(table('tasks')).find((x) => x.status !== 'done')!;
    const open = async () =>
      Number(
        (await sql<{ n: number }>`select sum(open_count) as n from project_task_totals where project_id = ${task.project_id}`.execute(db))
          .rows[0].n,
      );
    const before = await open();
    await db.updateTable('tasks').set({ status: 'done' }).where('id', '=', task.id).execute();
    expect(await open()).toBe(before - 1);
  });

  it('lets the demo’s staff and client users sign in with their password', async () => {
    const me = await get(await signIn('admin@demo.liaison.test'), '/api/v1/auth/me');
    expect(me.json().user).toMatchObject({ email: 'admin@demo.liaison.test', role: 'admin' });
    const client = await get(await signIn('client@northwind.example'), '/api/v1/auth/me');
    expect(client.json()).toMatchObject({ user: { role: 'client' }, accountName: 'Northwind Traders' });
  });

  it('reads an account by name with its contacts', async () => {
    const cookie = await signIn('admin@demo.liaison.test');
    const stored = rowsOf(table('accounts')).find((a) => a.name === 'Meridian Travel')!;
    const found = (await get(cookie, `/api/v1/accounts?q=${encodeURIComponent('Meridian Travel')}`)).json().items;
    expect(found.map((a: { id: string }) => a.id)).toContain(stored.id);
    const contacts = (await get(cookie, `/api/v1/contacts?accountId=${stored.id}&limit=200`)).json().items;
    const names = (list: { first: string; last: string | null }[]) => list.map((c) => `${c.first} ${c.last ?? ''}`).sort();
    const expected = rowsOf(table('contacts')).filter((c) => c.account_id === stored.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(names(contacts.map((c: any) => ({ first: c.firstName, last: c.lastName })))).toEqual(
      names(expected.map((c) => ({ first: c.first_name, last: c.last_name }))),
    );
  });

  it('reads a partly paid invoice with its total and balance', async () => {
    const cookie = await signIn('fiona@demo.liaison.test');
    const stored = rowsOf(table('invoices')).find((i) => i.status === 'partially_paid')!;
    const invoice = (await get(cookie, `/api/v1/invoices/${stored.id}`)).json();
    expect(invoice).toMatchObject({ number: stored.number, totalMinor: stored.total_minor, paidMinor: stored.paid_minor });
    expect(invoice.balanceMinor).toBe(stored.total_minor - stored.paid_minor - stored.credited_minor);
    expect(invoice.balanceMinor).toBeGreaterThan(0);
  });

  it('serves a sent document’s PDF, the very bytes frozen by the release', async () => {
    const cookie = await signIn('admin@demo.liaison.test');
    const version = rowsOf(table('document_versions')).find((v) => v.pdf !== null)!;
    const res = await get(cookie, `/api/v1/documents/${version.document_id}/versions/${version.seq}/pdf`);
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    expect(res.rawPayload.equals(Buffer.from(version.pdf.base64, 'base64'))).toBe(true);
  });
});
