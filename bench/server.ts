import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.js';
import { openDatabase } from '../server/db/database.js';
import { buildBaseline } from './baseline.js';
import { addReportBaselines } from './baseline-reports.js';
import { databaseCpu } from './db-cpu.js';
import { addPipelineBaseline } from './pipeline-report.js';
import { openRunner } from './runner.js';
import type { Location } from './target.js';

/**
 * The servers under test, in a process of their own so that autocannon does not share their
 * core: the real app and the bare baseline, each on a random loopback port.
 */
export interface ServerConfig {
  location: Location;
  managerId: string;
  /** The agency date the app's reports use, for the baseline's report SQL. */
  today: string;
  /** The app's clock starts at this instant and runs on (the moment a scheduled job is due); the real time otherwise. */
  clockAt?: string;
  smtpUrl?: string;
}

export interface Ports {
  app: number;
  baseline: number;
}

const listen = async (server: FastifyInstance) => {
  await server.listen({ host: '127.0.0.1', port: 0 });
  return (server.server.address() as AddressInfo).port;
};

async function main() {
  const config = JSON.parse(process.argv[2]) as ServerConfig;
  const file = config.location.sqlitePath;
  if (file && !fs.existsSync(file)) throw new Error(`${file} is gone: the run was interrupted`); // opening would create it
  const { db, dialect } = openDatabase({ ...config.location, poolSize: 10 });
  const offset = config.clockAt ? Date.parse(config.clockAt) - Date.now() : 0;
  const clock = { now: () => new Date(Date.now() + offset) };
  const app = await buildApp({ db, dialect, clock, logLevel: 'silent', webDist: null, smtpUrl: config.smtpUrl });
  const runner = openRunner(config.location);
  const baseline = buildBaseline(runner, config.managerId, config.today, dialect === 'postgres');
  addReportBaselines(baseline, runner, config.managerId, config.today, dialect === 'postgres');
  addPipelineBaseline(baseline, runner, config.managerId, config.today, dialect === 'postgres');
  const ports: Ports = { app: await listen(app), baseline: await listen(baseline) };
  process.send!(ports);
  const dbCpu = databaseCpu(runner, dialect === 'postgres');
  const sendCpu = async () => {
    const db = await dbCpu();
    const { user, system } = process.cpuUsage();
    process.send!({ cpu: user + system, db });
  };
  const shutDown = async () => {
    await Promise.all([app.close(), baseline.close()]);
    await Promise.all([db.destroy(), runner.close()]);
    process.exit(0);
  };
  // A failure in either ends the process as an unhandled rejection, which the parent sees.
  // The scheduled status reports, run in this process as an instance's job runner would.
  const runReports = async () => {
    const started = performance.now();
    const run = await app.services.scheduledReports.runDue();
    process.send!({ seconds: (performance.now() - started) / 1000, run });
  };
  process.on('message', (m) => {
    if (m === 'cpu') void sendCpu();
    if (m === 'status-reports') void runReports();
  });
  process.on('disconnect', () => void shutDown());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
