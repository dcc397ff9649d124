import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrations/index.js';
import { bootstrapAdmin } from './bootstrap.js';
import { JobRunner } from './jobs/job.runner.js';

/** Start: config -> database -> migrate -> first admin -> listen; SIGTERM drains and closes. */
async function main() {
  const config = loadConfig();
  const { db, dialect } = openDatabase({ databaseUrl: config.DATABASE_URL, sqlitePath: config.sqlitePath });
  await migrateToLatest(db);
  const app = await buildApp({
    db,
    dialect,
    logLevel: config.LOG_LEVEL,
    publicUrl: config.PUBLIC_URL,
    sessionTtlHours: config.SESSION_TTL_HOURS,
    defaultCurrency: config.DEFAULT_CURRENCY,
    trustProxy: config.TRUST_PROXY === 'true',
    smtpUrl: config.SMTP_URL,
    mailFrom: config.MAIL_FROM,
  });
  await bootstrapAdmin(app, config);
  // Scheduled work (daily follow-ups, email retries) runs once per period across instances.
  const runner = new JobRunner(app.services.jobs, app.log);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: draining requests');
    try {
      await runner.stop();
      await app.close(); // stops accepting, waits for in-flight requests
      await db.destroy();
      app.log.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
  runner.start();
  app.log.info(`Liaison is running on http://localhost:${config.PORT} (${dialect})`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
