import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { ImportEntity } from '../common/schemas/import.js';
import { composeServices } from '../server/composition.js';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrations/index.js';
import { systemClock } from '../server/lib/clock.js';
import { discardingMailer } from '../server/modules/email/index.js';
import { createBenchAdmin } from './bench-admin.js';
import { table } from './report.js';
import { postgresTarget, sqliteTarget, type Location } from './target.js';

/** The volume: 100,000 accounts, then 300,000 contacts on them. */
export const IMPORT_VOLUME = { accounts: 100_000, contacts: 300_000 };
const GOAL_ROWS_PER_SECOND = { sqlite: 25_000, postgres: 10_000 };

interface Measured {
  entity: ImportEntity;
  rows: number;
  previewSeconds: number;
  runSeconds: number;
  /** CPU time of this process during the run (user + system): the machine may be shared. */
  runCpuSeconds: number;
  created: number;
  failed: number;
  peakRssMb: number;
  startRssMb: number;
}

/** A CSV written as it is read, so the file never exists whole in this process either. */
function csv(header: string, rows: number, row: (i: number) => string): Readable {
  return Readable.from(
    (function* () {
      yield Buffer.from(`${header}\r\n`);
      const batch: string[] = [];
      for (let i = 0; i < rows; i++) {
        batch.push(row(i));
        if (batch.length === 1000) yield Buffer.from(`${batch.splice(0).join('\r\n')}\r\n`);
      }
      if (batch.length) yield Buffer.from(`${batch.join('\r\n')}\r\n`);
    })(),
  );
}

/** The process's peak resident memory while `work` runs (sampled every 20 ms), in MB. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Imports accounts, then contacts on those accounts (matched by name), through the service as
 * the API does: the upload's streamed preview, then the background run's chunks.
 */
export async function timeImports(location: Location, volume = IMPORT_VOLUME): Promise<Measured[]> {
  const { db } = openDatabase(location);
  try {
    await migrateToLatest(db);
    const services = composeServices(db, systemClock, { mailer: discardingMailer('liaison.bench') });
    const tag = Date.now().toString(36);
    const actor = await createBenchAdmin(services, `imports.${tag}`);
    const files: { entity: ImportEntity; rows: number; file: () => Readable }[] = [
      {
        entity: 'accounts',
        rows: volume.accounts,
        file: () =>
          csv('Name,Website,Industry,Status', volume.accounts, (i) => `Imported ${tag} ${i},imp${i}.${tag}.example,Retail,active`),
      },
      {
        entity: 'contacts',
        rows: volume.contacts,
        file: () =>
          csv(
            'First name,Last name,Email,Phone,Account',
            volume.contacts,
            (i) =>
              `Person${i},Surname${i},p${i}.${tag}@example.com,+1 555 ${String(i).padStart(7, '0')},Imported ${tag} ${i % volume.accounts}`,
          ),
      },
    ];
    const measured: Measured[] = [];
    for (const f of files) {
      const startRssMb = process.memoryUsage().rss / 1024 / 1024;
      const { result, peakMb } = await withPeakRss(async () => {
        let started = performance.now();
        const preview = await services.imports.upload(
          actor,
          { file: f.file(), fileName: `${f.entity}.csv`, entity: f.entity, options: {} },
          'en',
        );
        const previewSeconds = (performance.now() - started) / 1000;
        await services.imports.queue(actor, preview.id);
        started = performance.now();
        const cpu = process.cpuUsage();
        await services.importRunner.process(preview.id);
        const runSeconds = (performance.now() - started) / 1000;
        const used = process.cpuUsage(cpu);
        return {
          previewSeconds,
          runSeconds,
          runCpuSeconds: (used.user + used.system) / 1e6,
          done: await services.imports.get(actor, preview.id),
        };
      });
      measured.push({
        entity: f.entity,
        rows: f.rows,
        previewSeconds: result.previewSeconds,
        runSeconds: result.runSeconds,
        runCpuSeconds: result.runCpuSeconds,
        created: result.done.progress.created,
        failed: result.done.progress.failed,
        peakRssMb: peakMb,
        startRssMb,
      });
    }
    return measured;
  } finally {
    await db.destroy();
  }
}

export function printImports(name: 'sqlite' | 'postgres', measured: Measured[]) {
  console.log(
    `\nimports (${name}): streamed preview, then the background run in chunks; goal ≥ ${GOAL_ROWS_PER_SECOND[name].toLocaleString('en')} rows/s`,
  );
  table(
    ['entity', 'rows', 'created', 'failed', 'preview s', 'run s', 'run rows/s', 'run CPU s', 'RSS before MB', 'peak RSS MB'],
    measured.map((m) => [
      m.entity,
      String(m.rows),
      String(m.created),
      String(m.failed),
      m.previewSeconds.toFixed(1),
      m.runSeconds.toFixed(1),
      Math.round(m.rows / m.runSeconds).toLocaleString('en'),
      m.runCpuSeconds.toFixed(1),
      m.startRssMb.toFixed(0),
      m.peakRssMb.toFixed(0),
    ]),
  );
}

/** The median of each entity's run rate over several runs, against the goal. */
function printMedians(name: 'sqlite' | 'postgres', runs: Measured[][]) {
  const goal = GOAL_ROWS_PER_SECOND[name];
  console.log(`\nimports (${name}): median of ${runs.length} runs, each on a new database`);
  table(
    ['entity', 'run rows/s, each', 'median', 'goal'],
    runs[0].map((m, i) => {
      const rates = runs.map((r) => Math.round(r[i].rows / r[i].runSeconds));
      const median = [...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)];
      return [m.entity, rates.map((r) => r.toLocaleString('en')).join(' / '), median.toLocaleString('en'), median >= goal ? 'yes' : 'NO'];
    }),
  );
}

/**
 * `node --import tsx bench/imports.ts [accounts] [contacts]`: on SQLite, and on PostgreSQL when
 * DATABASE_URL is set. IMPORTS_RUNS (3 unless set) runs each on a new database: a shared
 * machine's speed varies by a fifth from one minute to the next, so the median is reported.
 */
async function main() {
  const [accounts, contacts] = process.argv.slice(2).map(Number);
  const volume = accounts ? { accounts, contacts: contacts || accounts * 3 } : IMPORT_VOLUME;
  const runs = Number(process.env.IMPORTS_RUNS ?? 3);
  // IMPORTS_TARGET=postgres (or sqlite) measures one database only.
  const only = process.env.IMPORTS_TARGET;
  const targets = [
    ...(only === 'postgres' ? [] : [() => Promise.resolve(sqliteTarget())]),
    ...(process.env.DATABASE_URL && only !== 'sqlite' ? [() => postgresTarget(process.env.DATABASE_URL!)] : []),
  ];
  for (const newTarget of targets) {
    const measured: Measured[][] = [];
    let name: 'sqlite' | 'postgres' = 'sqlite';
    for (let run = 0; run < runs; run++) {
      const target = await newTarget();
      name = target.name;
      try {
        measured.push(await timeImports(target.location, volume));
        printImports(target.name, measured[run]);
      } finally {
        await target.drop();
      }
    }
    if (runs > 1) printMedians(name, measured);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
