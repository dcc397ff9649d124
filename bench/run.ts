import { once } from 'node:events';
import { ACCOUNTS_DEPTH, TIMELINE_DEPTH, buildCases, measureCase, type Case } from './cases.js';
import { reportCases } from './cases-reports.js';
import { printFollowUps, timeFollowUps } from './follow-ups.js';
import { printKickoff, timeKickoff } from './kickoff.js';
import { printToday, timeToday } from './today.js';
import { printLoyalty, timeLoyalty } from './loyalty.js';
import { printHealth, timeHealth } from './health.js';
import { printImports, timeImports } from './imports.js';
import { printPdfRenders, timePdfRenders } from './pdf.js';
import { printSatisfactionReport, seedSatisfaction, timeSatisfactionReport } from './satisfaction-report.js';
import { pipelineCase } from './pipeline-report.js';
import { printScheduledReports, seedScheduledReports, timeScheduledReports } from './status-reports.js';
import { printDepth, printRatios, printReportCpu, type Result } from './report.js';
import { SECONDS } from './measure.js';
import { openRunner } from './runner.js';
import { describeVolume, seed, type Seeded } from './seed.js';
import { children, startServers } from './servers.js';
import { postgresTarget, sqliteTarget, type Target } from './target.js';

/**
 * `npm run bench`: seeds the ENGINEERING.md volume, then measures the app against a bare
 * Fastify server running the same single query, in the same run. It prints; it never fails on a ratio.
 */

async function printPlans(target: Target, cases: Case[]) {
  const runner = openRunner(target.location);
  console.log(`\nquery plans of the baseline queries (${target.name})`);
  for (const c of cases) {
    console.log(`- ${c.name}`);
    for (const [i, q] of (c.queries ?? [c.query]).entries()) {
      if (c.queries) console.log(`  statement ${i + 1}`);
      for (const line of await runner.explain(q)) console.log(`    ${line}`);
    }
  }
  await runner.close();
}

async function bench(target: Target, seeded: Seeded) {
  const { ports, cpu, stop } = await startServers({ location: target.location, managerId: seeded.managerId, today: seeded.today });
  try {
    const appUrl = `http://127.0.0.1:${ports.app}`;
    const baseUrl = `http://127.0.0.1:${ports.baseline}`;
    const auth = { authorization: `Bearer ${seeded.token}` };
    const cases = [
      ...(await buildCases(appUrl, seeded, auth, target.name === 'postgres')),
      ...(await reportCases(seeded, target.location)),
      pipelineCase(seeded, target.name === 'postgres'),
    ];
    const rows: Result[] = [];
    for (const c of cases) {
      rows.push(await measureCase(c, { app: appUrl, base: baseUrl }, auth, cpu));
      process.stdout.write('.');
    }
    printRatios(rows, target.name === 'postgres');
    printReportCpu(rows, target.name === 'postgres');
    printDepth([
      [`accounts, ${ACCOUNTS_DEPTH} deep`, rows[1], rows[0]],
      [`timeline, ${TIMELINE_DEPTH} deep`, rows[3], rows[2]],
    ]);
    await printPlans(target, cases);
  } finally {
    await stop();
  }
}

/** Drops the databases of an interrupted run too: each SQLite file is half a gigabyte. */
function dropOnInterrupt(targets: Target[]) {
  const stop = async () => {
    // The servers first: one still starting would create the SQLite file again after the drop.
    await Promise.all([...children].map((c) => (c.kill(), once(c, 'exit'))));
    await Promise.allSettled(targets.map((t) => t.drop()));
    process.exit(130);
  };
  const onSignal = () => void stop();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, onSignal);
  process.stdout.once('error', onSignal); // the reader went away, as with `| head`
}

/** The parts of a run, in order; `npm run bench -- --only=today,health` runs those alone on the full volume. */
const PARTS = ['endpoints', 'follow-ups', 'kickoff', 'satisfaction', 'today', 'status-reports', 'health', 'loyalty', 'imports'] as const;
type Part = (typeof PARTS)[number];

function chosenParts(): Set<Part> {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  if (!only) return new Set(PARTS);
  const names = only.split(',');
  const unknown = names.filter((n) => !(PARTS as readonly string[]).includes(n));
  if (unknown.length) throw new Error(`Unknown bench part ${unknown.join(', ')}; the parts are ${PARTS.join(', ')}`);
  return new Set(names as Part[]);
}

async function main() {
  const parts = chosenParts();
  const targets = [sqliteTarget()];
  if (process.env.DATABASE_URL) targets.push(await postgresTarget(process.env.DATABASE_URL));
  dropOnInterrupt(targets);
  // Rendering needs no database: measured once, before the seeding loads the machine.
  if (parts.has('endpoints')) printPdfRenders(await timePdfRenders());
  for (const target of targets) {
    try {
      console.log(`\n== ${target.name}: seeding ${describeVolume()}`);
      const seeded = await seed(target.location);
      console.log(`seeded in ${seeded.seconds.toFixed(1)} s; measuring ${SECONDS} s per server and endpoint, 10 connections`);
      if (parts.has('endpoints')) await bench(target, seeded);
      if (parts.has('follow-ups')) printFollowUps(await timeFollowUps(target.location, seeded.today), seeded);
      if (parts.has('kickoff')) printKickoff(await timeKickoff(target.location, seeded));
      if (parts.has('satisfaction')) {
        await seedSatisfaction(target.location, seeded.today);
        printSatisfactionReport(await timeSatisfactionReport(target.location, seeded.today));
      }
      if (parts.has('today')) printToday(await timeToday(target.location, seeded));
      if (parts.has('status-reports')) {
        await seedScheduledReports(target.location, seeded.today);
        const reports = await timeScheduledReports(async (config) => {
          const servers = await startServers({ location: target.location, managerId: seeded.managerId, today: seeded.today, ...config });
          return { appUrl: `http://127.0.0.1:${servers.ports.app}`, ask: servers.ask, stop: servers.stop };
        }, seeded);
        printScheduledReports(reports);
      }
      // Near the end, as the loyalty run after it: it makes every seeded account active.
      if (parts.has('health')) printHealth(await timeHealth(target.location, { accountId: seeded.hotAccountId, today: seeded.today }));
      // Last: it makes every seeded account an active client.
      if (parts.has('loyalty')) printLoyalty(await timeLoyalty(target.location, seeded));
      // After everything else: it adds 100,000 accounts and 300,000 contacts to the seeded volume.
      if (parts.has('imports')) printImports(target.name, await timeImports(target.location));
    } finally {
      await target.drop();
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
