import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/database.js';
import { createEmptyPostgresDatabase, createTestDatabase, testDatabaseUrl } from '../../test/database.js';
import { createDocument, sendDocument } from '../../test/document-fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { createBackup, readManifest, restoreBackup, RestoreRefused, type BackupResult, type DatabaseLocation } from './index.js';
import { ManifestError, sha256Of } from './backup.manifest.js';

/** Every table's rows as comparable text, by table: blobs by their hash, in a stable order. */
async function snapshot(db: Database): Promise<Map<string, string[]>> {
  const tables = (await db.introspection.getTables({ withInternalKyselyTables: true })).map((t) => t.name).sort();
  const out = new Map<string, string[]>();
  for (const table of tables) {
    const rows = await (db as Kysely<any>).selectFrom(table).selectAll().execute();
    const text = rows.map((row: Record<string, unknown>) =>
      JSON.stringify(
        Object.keys(row)
          .sort()
          .map((k) => [k, Buffer.isBuffer(row[k]) ? `sha256:${sha(row[k])}` : row[k]]),
      ),
    );
    out.set(table, text.sort());
  }
  return out;
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const LOAD_PREFIX = 'Load ';

let t: TestApp;
let dir: string;
let source: DatabaseLocation;
let before: Map<string, string[]>;
let backup: BackupResult;
let writtenDuringBackup = 0;
let documentId: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-backups-'));
  t = await createTestApp({ sqlitePath: testDatabaseUrl() ? undefined : path.join(dir, 'source.sqlite'), now: '2026-03-10T10:00:00.000Z' });
  source = t.database.location;
  const manager = await t.signIn('account_manager');
  const account = await t.createAccount(manager, { name: 'Northwind' });
  await t.createAccount(manager, { name: 'Contoso' });
  const contact = await t.createContact(manager, account.id, 'Irina');
  const doc = await createDocument(manager, account.id);
  documentId = doc.id;
  const sent = await sendDocument(manager, doc.id, [contact.id]);
  expect(sent.statusCode, sent.body).toBe(200);
  before = await snapshot(t.database.db);

  // Accounts are created through the service while the backup runs; each is one transaction
  // writing the account, its timeline event and its audit entry.
  let stop = false;
  let written = 0;
  const writer = (async () => {
    while (!stop) {
      await t.app.services.accounts.create(t.admin.user, {
        name: `${LOAD_PREFIX}${written}`,
        website: null,
        status: 'active',
        paymentTermsDays: 14,
        language: 'en',
      });
      written++;
      await new Promise((resolve) => setImmediate(resolve)); // lets the backup's own steps run in between
    }
  })();
  await new Promise((resolve) => setImmediate(resolve));
  const startedAt = written;
  backup = await createBackup({ db: t.database.db, location: source, dir: path.join(dir, 'backups'), clock: t.clock });
  writtenDuringBackup = written - startedAt;
  stop = true;
  await writer;
}, 60_000);

afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh, empty database of the suite's dialect to restore into. */
async function emptyTarget(name: string): Promise<{ location: DatabaseLocation; drop(): Promise<void> }> {
  const url = testDatabaseUrl();
  if (!url) return { location: { sqlitePath: path.join(dir, `${name}.sqlite`) }, drop: async () => undefined };
  const empty = await createEmptyPostgresDatabase(url);
  return { location: { databaseUrl: empty.databaseUrl }, drop: () => empty.drop() };
}

async function withDatabase<T>(location: DatabaseLocation, fn: (db: Database) => Promise<T>): Promise<T> {
  const { db } = openDatabase({ ...location, poolSize: 1 });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

describe('a backup taken while the app writes', () => {
  it('is named by time and schema, and its manifest describes the file', async () => {
    expect(writtenDuringBackup).toBeGreaterThan(0);
    const { manifest } = backup;
    expect(manifest.file).toMatch(/^liaison-20260310T100000Z-\d{4}_[a-z_]+\.(sqlite|pgdump)$/);
    expect(manifest).toMatchObject({ dialect: t.database.dialect, createdAt: '2026-03-10T10:00:00.000Z', trigger: 'manual' });
    expect(manifest.file).toContain(manifest.schemaVersion);
    expect(manifest.sha256).toBe(await sha256Of(backup.dataFile));
    expect(manifest.size).toBe(fs.statSync(backup.dataFile).size);
    expect(path.basename(backup.manifestFile)).toBe(manifest.file.replace(/\.(sqlite|pgdump)$/, '.manifest.json'));
    expect((await readManifest(backup.manifestFile)).manifest).toEqual(manifest);
  });

  let restoredInto: { location: DatabaseLocation; drop(): Promise<void> };
  beforeAll(async () => {
    restoredInto = await emptyTarget('restored');
  });
  afterAll(() => restoredInto.drop());

  it('restores into an empty database as one consistent state of every table', async () => {
    const result = await restoreBackup({ file: backup.dataFile, location: restoredInto.location });
    expect(result).toMatchObject({ replaced: false, schemaVersion: backup.manifest.schemaVersion });
    const after = await snapshot(t.database.db);
    const restored = await withDatabase(restoredInto.location, async (db) => {
      if (t.database.dialect === 'sqlite') {
        expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
      } else {
        // pg_restore validates each foreign key as it adds it back; none may be left unchecked.
        const fks = await sql<{ total: number; unchecked: number }>`
          select count(*)::int as total, count(*) filter (where not convalidated)::int as unchecked
          from pg_constraint where contype = 'f'`.execute(db);
        expect(fks.rows[0].total).toBeGreaterThan(20);
        expect(fks.rows[0].unchecked).toBe(0);
      }
      return snapshot(db);
    });
    expect([...restored.keys()]).toEqual([...after.keys()]);
    for (const [table, rows] of after) {
      const got = restored.get(table)!;
      if (JSON.stringify(before.get(table)) === JSON.stringify(rows)) {
        expect(got, table).toEqual(rows); // no concurrent writes: exactly the same
      } else {
        // Written during the backup: every restored row is one the source holds, and nothing from before is missing.
        const source = new Set(rows);
        expect(
          got.filter((r) => !source.has(r)),
          table,
        ).toEqual([]);
        const restoredSet = new Set(got);
        expect(
          before.get(table)!.filter((r) => !restoredSet.has(r)),
          table,
        ).toEqual([]);
      }
    }
  });

  it('holds each concurrent write whole or not at all, and the document with its PDF', async () => {
    await withDatabase(restoredInto.location, async (db) => {
      const loaded = await db.selectFrom('accounts').select('id').where('name', 'like', `${LOAD_PREFIX}%`).execute();
      const ids = loaded.map((a) => a.id);
      expect(ids.length).toBeGreaterThan(0);
      const events = await db
        .selectFrom('timeline_events')
        .select('account_id')
        .where('kind', '=', 'account_created')
        .where('account_id', 'in', ids)
        .execute();
      const audits = await db
        .selectFrom('audit_log')
        .select('record_id')
        .where('record_type', '=', 'account')
        .where('action', '=', 'create')
        .where('record_id', 'in', ids)
        .execute();
      expect(events.map((e) => e.account_id).sort()).toEqual([...ids].sort());
      expect(audits.map((e) => e.record_id).sort()).toEqual([...ids].sort());

      const version = await db
        .selectFrom('document_versions')
        .select(['pdf', 'sha256', 'byte_size'])
        .where('document_id', '=', documentId)
        .executeTakeFirstOrThrow();
      expect(version.pdf).not.toBeNull();
      expect(version.pdf!.subarray(0, 5).toString()).toBe('%PDF-');
      expect(version.byte_size).toBe(version.pdf!.length);
      expect(sha(version.pdf!)).toBe(version.sha256);
    });
  });
});

describe('restore refuses', () => {
  it('a database that has tables without --force, and replaces it with --force', async () => {
    const other = await createTestDatabase(testDatabaseUrl() ? undefined : path.join(dir, 'migrated.sqlite'));
    try {
      await other.db.destroy(); // a restore needs the database to itself
      const refused = restoreBackup({ file: backup.dataFile, location: other.location });
      await expect(refused).rejects.toBeInstanceOf(RestoreRefused);
      await expect(refused).rejects.toThrow(/not empty.*--force/);
      await withDatabase(other.location, async (db) => {
        expect(await db.selectFrom('accounts').select('id').execute()).toEqual([]);
      });

      const forced = await restoreBackup({ file: backup.dataFile, location: other.location, force: true });
      expect(forced.replaced).toBe(true);
      await withDatabase(other.location, async (db) => {
        const names = (await db.selectFrom('accounts').select('name').execute()).map((a) => a.name);
        expect(names).toEqual(expect.arrayContaining(['Northwind', 'Contoso']));
      });
    } finally {
      await other.drop();
    }
  });

  it('a file that differs from its manifest, or a backup of the other dialect', async () => {
    const copyDir = path.join(dir, 'tampered');
    fs.mkdirSync(copyDir);
    const dataFile = path.join(copyDir, backup.manifest.file);
    const manifestFile = path.join(copyDir, path.basename(backup.manifestFile));
    fs.copyFileSync(backup.dataFile, dataFile);
    fs.copyFileSync(backup.manifestFile, manifestFile);
    const bytes = fs.readFileSync(dataFile);
    bytes[bytes.length - 100] ^= 0xff;
    fs.writeFileSync(dataFile, bytes);
    const target = await emptyTarget('never');
    try {
      await expect(restoreBackup({ file: dataFile, location: target.location })).rejects.toThrow(/does not match its manifest/);

      fs.copyFileSync(backup.dataFile, dataFile);
      const other = t.database.dialect === 'sqlite' ? 'postgres' : 'sqlite';
      fs.writeFileSync(manifestFile, JSON.stringify({ ...backup.manifest, dialect: other }));
      const wrongDialect = restoreBackup({ file: manifestFile, location: target.location });
      await expect(wrongDialect).rejects.toBeInstanceOf(ManifestError);
      await expect(wrongDialect).rejects.toThrow(`backup is of a ${other} database`);

      fs.writeFileSync(manifestFile, JSON.stringify({ ...backup.manifest, schemaVersion: '9999_from_the_future' }));
      await expect(restoreBackup({ file: manifestFile, location: target.location })).rejects.toThrow(/newer than this release knows/);

      fs.rmSync(manifestFile);
      await expect(restoreBackup({ file: dataFile, location: target.location })).rejects.toThrow(/No manifest/);
      // Nothing was written into the target.
      if (target.location.sqlitePath) expect(fs.existsSync(target.location.sqlitePath)).toBe(false);
      else await withDatabase(target.location, async (db) => expect(await db.introspection.getTables()).toEqual([]));
    } finally {
      await target.drop();
    }
  });
});
