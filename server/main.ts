import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp } from './app.js';
import { backupScheduleOf, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrations/index.js';
import { bootstrapAdmin } from './bootstrap.js';
import { JobRunner } from './jobs/job.runner.js';
import { LogOutput } from './lib/log-output.js';

/** A stop that has not finished this long after the grace period (a request or job that never ends) is cut short. */
const STOP_TIMEOUT_MS = 10_000;

const logOutput = new LogOutput(process.stdout);
// Node's own warnings go to standard error; a reader that is gone must not crash the server.
process.stderr.on('error', () => undefined);

/**
 * Start: config -> database -> migrate -> first admin -> listen. SIGTERM drains: `/readyz` turns
 * 503 at once so the balancer stops routing here, requests keep being served for
 * SHUTDOWN_GRACE_MS, then the server closes (waiting for in-flight requests) and exits.
 */
async function main() {
  const config = loadConfig();
  const { db, dialect } = openDatabase({ databaseUrl: config.DATABASE_URL, sqlitePath: config.sqlitePath });
  await migrateToLatest(db, { defaultCurrency: config.DEFAULT_CURRENCY });
  // Loaded only when wanted: the SDK is a good part of a second to import.
  const stopTracing = config.OTEL_EXPORTER_OTLP_ENDPOINT ? (await import('./lib/tracing.js')).startTracing(db, dialect) : null;
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
  const runner = new JobRunner(app.services.jobs, app.log, config.JOB_POLL_MS);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const graceMs = config.SHUTDOWN_GRACE_MS;
    app.beginDraining();
    app.log.info({ signal, graceMs }, 'stopping: not ready any more, serving for the grace period');
    setTimeout(() => {
      app.log.error(`not stopped ${STOP_TIMEOUT_MS / 1000} s after the grace period; exiting anyway`);
      process.exit(1);
    }, graceMs + STOP_TIMEOUT_MS).unref();
    let code = 0;
    try {
      await Promise.all([runner.stop(), app.services.webhookDeliveryLoop.stop(), sleep(graceMs)]);
      app.log.info('stopping: closing after the grace period');
      await app.close(); // stops accepting, waits for in-flight requests
      await stopTracing?.(); // sends the last spans
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
