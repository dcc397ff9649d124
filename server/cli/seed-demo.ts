import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/index.js';
import { DEMO_PASSWORD } from '../demo/demo.people.js';
import { hasData, seedDemo, wipe } from '../demo/demo.seed.js';

/** `npm run seed:demo [-- --force]`: fills an empty database with the demo agency. */
async function main() {
  const force = process.argv.includes('--force');
  const config = loadConfig();
  const { db, dialect } = openDatabase({ databaseUrl: config.DATABASE_URL, sqlitePath: config.sqlitePath });
  try {
    await migrateToLatest(db, { defaultCurrency: config.DEFAULT_CURRENCY });
    if (await hasData(db)) {
      if (!force) {
        console.error('The database already has data. Run `npm run seed:demo -- --force` to ERASE it and load the demo agency.');
        process.exitCode = 1;
        return;
      }
      console.log('Erasing the existing data (--force)…');
      await wipe(db, dialect);
    }
    const started = Date.now();
    await seedDemo(db);
    console.log(`Demo agency loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    console.log(`Sign in with password ${DEMO_PASSWORD} as:`);
    console.log('  admin@demo.liaison.test (admin), anna@demo.liaison.test (account manager),');
    console.log('  sam.seo@demo.liaison.test (specialist), fiona@demo.liaison.test (finance),');
    console.log('  client@northwind.example (client portal)');
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
