import { openDatabase } from '../server/db/database.js';
import { KNOWN_MIGRATIONS, migrateToLatest } from '../server/db/migrations/index.js';
import { dumpSqlite, snapshotFile, writeSnapshot } from '../server/db/releases/release-snapshot.js';
import { seedDemo } from '../server/demo/demo.seed.js';
import { APP_VERSION } from '../server/lib/app-version.js';

/**
 * `npm run release:snapshot`: at a release, writes server/db/releases/<version>.json.gz, the database
 * a fresh install of this head has once filled with the demo (as of a fixed day, so two runs differ
 * only in generated ids and password salts). The upgrade test migrates it to head ever after.
 */
const DEMO_TODAY = process.env.DEMO_TODAY ?? '2026-12-01T09:00:00.000Z';

async function main() {
  const { db } = openDatabase({ sqlitePath: ':memory:' });
  try {
    await migrateToLatest(db);
    await seedDemo(db, new Date(DEMO_TODAY));
    const tables = await dumpSqlite(db);
    const file = snapshotFile(APP_VERSION);
    const size = writeSnapshot(file, { release: APP_VERSION, demoToday: DEMO_TODAY, migrations: [...KNOWN_MIGRATIONS], tables });
    const rows = tables.reduce((n, t) => n + t.rows.length, 0);
    console.log(`Wrote ${file}: ${tables.length} tables, ${rows} rows, ${(size / 1024).toFixed(0)} KiB.`);
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
