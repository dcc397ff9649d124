import { prepareTemplate, testDatabaseUrl } from './database.js';

/** Runs once before the suite: migrates the PostgreSQL template when DATABASE_URL is set. */
export default async function setup() {
  const url = testDatabaseUrl();
  if (url) await prepareTemplate(url);
}
