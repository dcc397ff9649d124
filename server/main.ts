import { buildApp } from './app.js';
import { backupScheduleOf, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrations/index.js';
import { bootstrapAdmin } from './bootstrap.js';
import { JobRunner } from './jobs/job.runner.js';
import { LogOutput } from './lib/log-output.js';

/** A stop that has not finished by then (a request or job that never ends) is cut short. */
const STOP_TIMEOUT_MS = 10_000;

const logOutput = new LogOutput(process.stdout);
// Node's own warnings go to standard error; a reader that is gone must not crash the server.
process.stderr.on('error', () => undefined);

/** Start: config -> database -> migrate -> first admin -> listen; SIGTERM drains and closes. */
async function main() {
  const config = loadConfig();
  const { db, dialect } = openDatabase({ databaseUrl: config.DATABASE_URL, sqlitePath: config.sqlitePath });
  await migrateToLatest(db, { defaultCurrency: config.DEFAULT_CURRENCY });
  const app = await buildApp({
    db,
    dialect,
    logLevel: config.LOG_LEVEL,
    logStream: logOutput,
    publicUrl: config.PUBLIC_URL,
    sessionTtlHours: config.SESSION_TTL_HOURS,
    defaultCurrency: config.DEFAULT_CURRENCY,
    defaultLanguage: config.DEFAULT_LANGUAGE,
    trustProxy: config.TRUST_PROXY === 'true',
    smtpUrl: config.SMTP_URL,
    mailFrom: config.MAIL_FROM,
    inboundSmtp: config.INBOUND_SMTP_PORT === undefined ? undefined : { port: config.INBOUND_SMTP_PORT, host: config.INBOUND_SMTP_HOST },
    inboundEmailDomain: config.INBOUND_EMAIL_DOMAIN,
    metrics: { token: config.METRICS_TOKEN, allow: config.METRICS_ALLOW },
    backupSchedule: backupScheduleOf(config),
  });
  await bootstrapAdmin(app, config);
  // Scheduled work (daily follow-ups, email retries) runs once per period across instances.
  const runner = new JobRunner(app.services.jobs, app.log);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: draining requests');
    setTimeout(() => {
      app.log.error(`not stopped after ${STOP_TIMEOUT_MS / 1000} s; exiting anyway`);
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    let code = 0;
    try {
      await runner.stop();
      await app.services.webhookDeliveryLoop.stop();
      await app.close(); // stops accepting, waits for in-flight requests
      await db.destroy();
      app.log.info('stopped cleanly');
    } catch (err) {
      app.log.error({ err }, 'error while stopping');
      code = 1;
    }
    await logOutput.flush(1000);
    process.exit(code);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
  runner.start();
  app.services.webhookDeliveryLoop.start(); // webhooks go out as their change commits, not at the next tick
  app.log.info(`Liaison is running on http://localhost:${config.PORT} (${dialect})`);
}

main().catch(async (err) => {
  console.error(err instanceof Error ? err.message : err);
  await logOutput.flush(1000);
  process.exit(1);
});
