import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Database, type DialectName } from '../../db/database.js';
import { KNOWN_MIGRATIONS, schemaVersion } from '../../db/migrations/index.js';
import { APP_VERSION } from '../../lib/app-version.js';
import type { Clock } from '../../lib/clock.js';
import {
  backupBaseName,
  dataFileName,
  isManifestFile,
  ManifestError,
  readManifest,
  sha256Of,
  verifyManifest,
  writeManifest,
  type Manifest,
} from './backup.manifest.js';
import { dumpPostgres, postgresTableCount, restorePostgres } from './backup.postgres.js';
import { dumpSqlite, restoreSqlite, sqliteTableCount } from './backup.sqlite.js';

/** Where the database lives: PostgreSQL by URL, otherwise an SQLite file. */
export interface DatabaseLocation {
  databaseUrl?: string;
  sqlitePath?: string;
}

export const dialectOf = (location: DatabaseLocation): DialectName => (location.databaseUrl ? 'postgres' : 'sqlite');

/** A refusal the operator can act on (the CLI prints it and exits non-zero). */
export class RestoreRefused extends Error {
  name = 'RestoreRefused';
}

export interface BackupResult {
  manifest: Manifest;
  dataFile: string;
  manifestFile: string;
  durationMs: number;
}

/** A backup of the live database into `dir`, then its manifest; a half-written file never carries the final name. */
export async function createBackup(opts: {
  db: Database;
  location: DatabaseLocation;
  dir: string;
  clock: Clock;
  trigger?: Manifest['trigger'];
}): Promise<BackupResult> {
  const started = Date.now();
  const dialect = dialectOf(opts.location);
  const { current } = await schemaVersion(opts.db);
  if (!current) throw new Error('The database has no schema yet: there is nothing to back up.');
  const createdAt = opts.clock.now();
  await fs.promises.mkdir(opts.dir, { recursive: true });
  const name = dataFileName(backupBaseName(createdAt, current), dialect);
  const dataFile = path.join(opts.dir, name);
  if (fs.existsSync(dataFile)) throw new Error(`A backup named ${name} already exists.`);
  const partial = `${dataFile}.partial`;
  await fs.promises.rm(partial, { force: true });
  try {
    if (dialect === 'postgres') await dumpPostgres(opts.location.databaseUrl!, partial);
    else await dumpSqlite(requireSqlitePath(opts.location), partial);
    await fs.promises.rename(partial, dataFile);
  } catch (err) {
    await fs.promises.rm(partial, { force: true });
    throw err;
  }
  const manifest: Manifest = {
    file: name,
    sha256: await sha256Of(dataFile),
    size: (await fs.promises.stat(dataFile)).size,
    dialect,
    schemaVersion: current,
    appVersion: APP_VERSION,
    createdAt: createdAt.toISOString(),
    trigger: opts.trigger ?? 'manual',
  };
  const manifestFile = await writeManifest(dataFile, manifest);
  return { manifest, dataFile, manifestFile, durationMs: Date.now() - started };
}

function requireSqlitePath(location: DatabaseLocation): string {
  if (!location.sqlitePath || location.sqlitePath === ':memory:') throw new Error('An in-memory SQLite database cannot be backed up.');
  return location.sqlitePath;
}

export interface RestoreResult {
  manifest: Manifest;
  schemaVersion: string;
  replaced: boolean;
  durationMs: number;
}

/**
 * Restores a backup into the configured database after checking its manifest (hash, dialect,
 * a schema this release knows). A database with tables is replaced only with `force`.
 */
export async function restoreBackup(opts: { file: string; location: DatabaseLocation; force?: boolean }): Promise<RestoreResult> {
  const started = Date.now();
  const dialect = dialectOf(opts.location);
  const { manifest, dataFile } = await readManifest(opts.file);
  await verifyManifest(manifest, dataFile, dialect);
  if (!KNOWN_MIGRATIONS.includes(manifest.schemaVersion)) {
    throw new ManifestError(
      `The backup's schema (${manifest.schemaVersion}, Liaison ${manifest.appVersion}) is newer than this release knows: restore it with that release or a later one.`,
    );
  }
  const tables =
    dialect === 'postgres' ? await postgresTableCount(opts.location.databaseUrl!) : sqliteTableCount(requireSqlitePath(opts.location));
  if (tables > 0 && !opts.force) {
    throw new RestoreRefused(
      `The target database is not empty (${tables} tables). Restoring replaces everything in it: run again with --force to do so.`,
    );
  }
  if (dialect === 'postgres') await restorePostgres(dataFile, opts.location.databaseUrl!, tables > 0);
  else await restoreSqlite(dataFile, requireSqlitePath(opts.location));
  const restored = await restoredSchema(opts.location);
  if (restored !== manifest.schemaVersion) {
    throw new Error(`The restored database's schema is ${restored ?? 'empty'}, not ${manifest.schemaVersion} as the manifest says.`);
  }
  return { manifest, schemaVersion: restored, replaced: tables > 0, durationMs: Date.now() - started };
}

/** The schema version the restored database holds; one this release does not know is an error. */
async function restoredSchema(location: DatabaseLocation): Promise<string | null> {
  const { db } = openDatabase({ ...location, poolSize: 1 });
  try {
    const { current, unknown } = await schemaVersion(db);
    if (unknown.length > 0) throw new Error(`The restored database ran migrations this release does not know: ${unknown.join(', ')}.`);
    return current;
  } finally {
    await db.destroy();
  }
}

/** The backups in `dir` with their manifests, oldest first (files without a readable manifest are left alone). */
export async function listBackups(dir: string): Promise<Array<{ manifest: Manifest; dataFile: string; manifestFile: string }>> {
  const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
  const found = [];
  for (const name of names.filter(isManifestFile).sort()) {
    try {
      found.push(await readManifest(path.join(dir, name)));
    } catch {
      // not ours, or damaged: never deleted automatically
    }
  }
  return found;
}
