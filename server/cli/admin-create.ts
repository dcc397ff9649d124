import { parseArgs } from 'node:util';
import readline from 'node:readline/promises';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/index.js';
import { systemClock } from '../lib/clock.js';
import { composeServices } from '../composition.js';
import { parseAdminInput } from '../modules/users/index.js';

const USAGE =
  'usage: npm run admin:create -- --email you@example.com --name "Your Name" [--password ...]\n(without --password it is asked for, or read from ADMIN_PASSWORD)';

/** Asks for the password without echoing it. */
async function askPassword(): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write('Password (at least 10 characters, hard to guess): ');
  out._writeToOutput = () => undefined;
  const answer = await rl.question('');
  rl.close();
  process.stdout.write('\n');
  return answer;
}

async function main() {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } } });
  if (!values.email) {
    console.error(USAGE);
    process.exit(2);
  }
  const password = values.password ?? process.env.ADMIN_PASSWORD ?? (process.stdin.isTTY ? await askPassword() : '');
  const parsed = parseAdminInput({ email: values.email, name: values.name ?? 'Administrator', password });
  if ('problems' in parsed) {
    for (const problem of parsed.problems) console.error(problem);
    process.exit(2);
  }
  const config = loadConfig();
  const { db } = openDatabase({ databaseUrl: config.DATABASE_URL, sqlitePath: config.sqlitePath });
  try {
    await migrateToLatest(db, { defaultCurrency: config.DEFAULT_CURRENCY });
    const user = await composeServices(db, systemClock).users.create(null, parsed.admin);
    console.log(`Created admin ${user.email}. Sign in at ${config.PUBLIC_URL ?? `http://localhost:${config.PORT}`}`);
  } catch (err) {
    const e = err as { errors?: { message: string }[]; message: string };
    console.error(e.errors?.map((x) => x.message).join('; ') ?? e.message);
    process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}

void main();
