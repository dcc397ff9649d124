import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** Where a benchmark database lives: a SQLite file or a PostgreSQL URL. */
export interface Location {
  sqlitePath?: string;
  databaseUrl?: string;
}

export interface Target {
  name: 'sqlite' | 'postgres';
  location: Location;
  drop(): Promise<void>;
}

/** A SQLite file in a new temp folder, removed afterwards. */
export function sqliteTarget(): Target {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-bench-'));
  return {
    name: 'sqlite',
    location: { sqlitePath: path.join(dir, 'bench.sqlite') },
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function onServer(url: string, statement: string) {
  const u = new URL(url);
  u.pathname = '/postgres';
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new, empty PostgreSQL database next to the one DATABASE_URL names, dropped afterwards. */
export async function postgresTarget(url: string): Promise<Target> {
  const name = `liaison_bench_${process.pid}_${Date.now() % 100_000}`;
  await onServer(url, `create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    name: 'postgres',
    location: { databaseUrl: u.toString() },
    drop: async () => {
      const drop = `drop database if exists ${name} with (force)`;
      // WITH (FORCE) cannot end an autovacuum worker (another role's process) busy in the fresh database: once more after it.
      await onServer(url, drop).catch(() => new Promise((resolve) => setTimeout(resolve, 5000)).then(() => onServer(url, drop)));
    },
  };
}
