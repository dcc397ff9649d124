import { loadConfig, databaseLocationOf } from '../config.js';
import { openDatabase } from '../db/database.js';
import { systemClock } from '../lib/clock.js';
import { createBackup } from '../modules/backups/index.js';

/** `npm run backup`: a consistent backup of the configured database, safe while the app serves traffic. */
async function main() {
  const config = loadConfig();
  const location = databaseLocationOf(config);
  const { db } = openDatabase({ ...location, poolSize: 1 });
  try {
    const { manifest, dataFile, manifestFile, durationMs } = await createBackup({
      db,
      location,
      dir: config.backupDir,
      clock: systemClock,
    });
    console.log(`Backed up the ${manifest.dialect} database (schema ${manifest.schemaVersion}) in ${(durationMs / 1000).toFixed(1)} s:`);
    console.log(`  ${dataFile} (${(manifest.size / 1024 / 1024).toFixed(1)} MB, SHA-256 ${manifest.sha256})`);
    console.log(`  ${manifestFile}`);
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
