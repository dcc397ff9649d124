import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import type { Database, DialectName } from '../database.js';

/**
 * A release's database, dialect-neutral: the migrations it ran and every table's rows, as a fresh
 * install filled with the demo left them. Loaded into an empty database that ran the same
 * migrations, it is what an installation of that release brings to an upgrade (upgrade.test.ts).
 * Written by `npm run release:snapshot` at each release (docs/migrations.md).
 */
export interface ReleaseSnapshot {
  /** package.json's version when it was written. */
  release: string;
  /** The demo's "today": the seed is reproducible from it. */
  demoToday: string;
  /** The migrations the release ran, in order. */
  migrations: string[];
  /** Every table but the migration history, parents before the tables that reference them. */
  tables: SnapshotTable[];
}

export interface SnapshotTable {
  name: string;
  columns: string[];
  /** Values in `columns` order: as stored, bytes as { base64 }; a row referencing its own table comes after that row. */
  rows: Value[][];
  /** Columns whose foreign keys close a cycle (accounts ⇄ users): inserted empty, set once every table is in. */
  deferred: string[];
}

type Value = string | number | null | { base64: string };

export const RELEASES_DIR = path.dirname(fileURLToPath(import.meta.url));

export const snapshotFile = (release: string) => path.join(RELEASES_DIR, `${release}.json.gz`);

/** The newest release's snapshot file (by version number), or undefined when none is kept. */
export function latestSnapshotFile(): string | undefined {
  const versions = fs
    .readdirSync(RELEASES_DIR)
    .filter((f) => f.endsWith('.json.gz'))
    .map((f) => f.slice(0, -'.json.gz'.length))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return versions.length ? snapshotFile(versions[versions.length - 1]) : undefined;
}

export function writeSnapshot(file: string, snapshot: ReleaseSnapshot): number {
  // One table a line: a refreshed snapshot's diff says which tables changed.
  const { tables, ...head } = snapshot;
  const text = `${JSON.stringify(head).slice(0, -1)},"tables":[\n${tables.map((t) => JSON.stringify(t)).join(',\n')}\n]}\n`;
  const gz = gzipSync(text, { level: 9 });
  fs.writeFileSync(file, gz);
  return gz.length;
}

export function readSnapshot(file: string): ReleaseSnapshot {
  return JSON.parse(gunzipSync(fs.readFileSync(file)).toString('utf8')) as ReleaseSnapshot;
}

const encode = (v: unknown): Value => (v instanceof Uint8Array ? { base64: Buffer.from(v).toString('base64') } : (v as Value));
const decode = (v: Value): unknown => (v !== null && typeof v === 'object' ? Buffer.from(v.base64, 'base64') : v);

interface ForeignKey {
  /** The referencing table, and the referenced one. */
  source: string;
  table: string;
  from: string;
  to: string | null;
  notNull: boolean;
}

/** Every table's rows of a SQLite database (the snapshot script seeds one in memory), in FK-safe order. */
export async function dumpSqlite(db: Database): Promise<SnapshotTable[]> {
  const k = db as unknown as Kysely<any>;
  const names = (await db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_'));
  const keys = new Map<string, ForeignKey[]>();
  for (const name of names) {
    const fks = await sql<
      Omit<ForeignKey, 'source' | 'notNull'>
    >`select "table", "from", "to" from pragma_foreign_key_list(${name})`.execute(k);
    const required = await sql<{ name: string }>`select name from pragma_table_info(${name}) where "notnull" = 1`.execute(k);
    const notNull = new Set(required.rows.map((c) => c.name));
    keys.set(
      name,
      fks.rows.map((fk) => ({ ...fk, source: name, notNull: notNull.has(fk.from) })),
    );
  }
  const tables: SnapshotTable[] = [];
  const { order, deferred } = parentsFirst(names, keys);
  for (const name of order) {
    const columns = (await sql<{ name: string }>`select name from pragma_table_info(${name}) order by cid`.execute(k)).rows.map(
      (c) => c.name,
    );
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.id(name)} order by rowid`.execute(k)).rows;
    const self = keys.get(name)!.filter((f) => f.table === name);
    const rowValues = selfParentsFirst(rows, self).map((r) => columns.map((c) => encode(r[c])));
    tables.push({ name, columns, rows: rowValues, deferred: deferred.get(name) ?? [] });
  }
  return tables;
}

/**
 * Tables ordered so each comes after the ones it references. Where references form a cycle
 * (accounts ⇄ users), a nullable column on it is deferred and the order is sought again.
 */
function parentsFirst(names: string[], keys: Map<string, ForeignKey[]>) {
  const deferred = new Set<ForeignKey>();
  for (;;) {
    const { order, cycle } = tryOrder(names, keys, deferred);
    if (order) {
      const columns = new Map<string, string[]>();
      for (const [name, fks] of keys)
        columns.set(
          name,
          fks.filter((fk) => deferred.has(fk)).map((fk) => fk.from),
        );
      return { order, deferred: columns };
    }
    const nullable = cycle.find((fk) => !fk.notNull);
    if (!nullable) throw new Error(`Required foreign keys form a cycle: ${cycle.map((fk) => `${fk.source}.${fk.from}`).join(' → ')}`);
    deferred.add(nullable);
  }
}

function tryOrder(names: string[], keys: Map<string, ForeignKey[]>, deferred: Set<ForeignKey>) {
  const done = new Set<string>();
  const stack: { name: string; via: ForeignKey | null }[] = [];
  const order: string[] = [];
  const visit = (name: string, via: ForeignKey | null): ForeignKey[] | null => {
    stack.push({ name, via });
    for (const fk of keys.get(name) ?? []) {
      if (fk.table === name || deferred.has(fk) || done.has(fk.table)) continue;
      const at = stack.findIndex((s) => s.name === fk.table);
      if (at >= 0) return [...stack.slice(at + 1).map((s) => s.via!), fk];
      const cycle = visit(fk.table, fk);
      if (cycle) return cycle;
    }
    stack.pop();
    done.add(name);
    order.push(name);
    return null;
  };
  for (const name of [...names].sort()) {
    const cycle = done.has(name) ? null : visit(name, null);
    if (cycle) return { order: null, cycle };
  }
  return { order, cycle: [] };
}

/** Rows ordered so one referencing another row of its table comes after it. */
function selfParentsFirst(rows: Record<string, unknown>[], self: ForeignKey[]): Record<string, unknown>[] {
  if (self.length === 0) return rows;
  const placed = new Set<Record<string, unknown>>();
  const order: Record<string, unknown>[] = [];
  const byKey = self.map((fk) => new Map(rows.map((r) => [r[fk.to ?? 'id'], r])));
  const place = (row: Record<string, unknown>) => {
    if (placed.has(row)) return;
    placed.add(row);
    self.forEach((fk, i) => {
      const parent = row[fk.from] == null ? undefined : byKey[i].get(row[fk.from]);
      if (parent) place(parent);
    });
    order.push(row);
  };
  rows.forEach(place);
  return order;
}

/** Statement parameters stay well below SQLite's and PostgreSQL's limits. */
const MAX_PARAMETERS = 20_000;
const MAX_ROWS = 500;

/**
 * Puts the snapshot's rows into a database that ran the snapshot's migrations, in one transaction.
 * Triggers are off meanwhile, as in a restore: the running totals they keep are rows of the
 * snapshot themselves.
 */
export async function loadSnapshot(db: Database, dialect: DialectName, snapshot: ReleaseSnapshot): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const k = trx as unknown as Kysely<any>;
    const restoreTriggers = await triggersOff(
      k,
      dialect,
      snapshot.tables.map((t) => t.name),
    );
    for (const table of snapshot.tables) {
      const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / table.columns.length)));
      for (let i = 0; i < table.rows.length; i += size) {
        const values = table.rows.slice(i, i + size).map((row) => rowObject(table, row, true));
        await k.insertInto(table.name).values(values).execute();
      }
    }
    for (const table of snapshot.tables) {
      for (const row of table.deferred.length ? table.rows : []) {
        const { id, ...set } = Object.fromEntries(table.deferred.concat('id').map((c) => [c, rowObject(table, row, false)[c]]));
        if (Object.values(set).some((v) => v !== null)) await k.updateTable(table.name).set(set).where('id', '=', id).execute();
      }
    }
    await restoreTriggers();
  });
}

/** A row by column name; `deferring` leaves the deferred columns empty. */
function rowObject(table: SnapshotTable, row: Value[], deferring: boolean): Record<string, unknown> {
  return Object.fromEntries(table.columns.map((c, j) => [c, deferring && table.deferred.includes(c) ? null : decode(row[j])]));
}

async function triggersOff(db: Kysely<any>, dialect: DialectName, tables: string[]): Promise<() => Promise<void>> {
  if (dialect === 'postgres') {
    // USER: the database's own triggers for foreign keys stay on, which is why the order matters.
    for (const t of tables) await sql`alter table ${sql.id(t)} disable trigger user`.execute(db);
    return async () => {
      for (const t of tables) await sql`alter table ${sql.id(t)} enable trigger user`.execute(db);
    };
  }
  // SQLite cannot disable a trigger: they are dropped and created again from their own text.
  const triggers = (await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'trigger'`.execute(db)).rows;
  for (const t of triggers) await sql`drop trigger ${sql.id(t.name)}`.execute(db);
  return async () => {
    for (const t of triggers) await sql.raw(t.sql).execute(db);
  };
}
