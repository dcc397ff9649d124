import { spawn } from 'node:child_process';
import pg from 'pg';

/** The URL without its password, which goes to the tools in PGPASSWORD (never on a command line others can read). */
function connection(databaseUrl: string) {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (err) => reject(new Error(`${command} could not be started (is it installed and on PATH?): ${err.message}`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

/** pg_dump takes one snapshot for the whole dump, so it is consistent while the app writes. */
export async function dumpPostgres(databaseUrl: string, target: string): Promise<void> {
  const { url, env } = connection(databaseUrl);
  await run('pg_dump', ['--format=custom', `--file=${target}`, `--dbname=${url}`], env);
}

/** In one transaction: a failure leaves the target as it was. `clean` drops what the dump holds first. */
export async function restorePostgres(dataFile: string, databaseUrl: string, clean: boolean): Promise<void> {
  const { url, env } = connection(databaseUrl);
  const args = ['--no-owner', '--single-transaction', '--exit-on-error', `--dbname=${url}`];
  if (clean) args.push('--clean', '--if-exists');
  await run('pg_restore', [...args, dataFile], env);
}

/** How many tables the database holds outside PostgreSQL's own schemas. */
export async function postgresTableCount(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "select count(*) as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')",
    );
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}
