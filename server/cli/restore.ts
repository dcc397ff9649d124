import { parseArgs } from 'node:util';
import { databaseLocationOf, loadConfig } from '../config.js';
import { restoreBackup } from '../modules/backups/index.js';

const USAGE = `usage: npm run restore -- <backup file or its .manifest.json> [--force]
Restores into the configured database (DATABASE_URL, or the SQLite file in DATA_DIR).
A database that already has tables is replaced only with --force.
On SQLite, stop the app first: it must not run while its file is replaced.`;

async function main() {
  const { values, positionals } = parseArgs({ options: { force: { type: 'boolean', default: false } }, allowPositionals: true });
  if (positionals.length !== 1) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = loadConfig();
  const location = databaseLocationOf(config);
  if (!config.DATABASE_URL) console.log('Restoring the SQLite database: make sure Liaison is not running.');
  const { manifest, schemaVersion, replaced, durationMs } = await restoreBackup({ file: positionals[0], location, force: values.force });
  console.log(
    `Restored ${manifest.file} (made ${manifest.createdAt} by Liaison ${manifest.appVersion}) into the ${replaced ? 'existing' : 'empty'} ` +
      `${manifest.dialect} database in ${(durationMs / 1000).toFixed(1)} s; schema ${schemaVersion}.`,
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
