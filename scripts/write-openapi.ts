// Writes the API's OpenAPI document to a file, built from the routes without a running server:
// `node --import tsx scripts/write-openapi.ts <file>` (the lint step reads it from there).
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../server/app.js';
import { openDatabase } from '../server/db/database.js';

const out = process.argv[2];
if (!out) {
  console.error('usage: write-openapi.ts <file>');
  process.exit(2);
}

const { db, dialect } = openDatabase({ sqlitePath: ':memory:' });
const app = await buildApp({ db, dialect, webDist: null, logLevel: 'silent' });
try {
  await app.ready();
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(app.swagger(), null, 2) + '\n');
} finally {
  await app.close();
  await db.destroy();
}
