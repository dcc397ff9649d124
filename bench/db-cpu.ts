import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Runner } from './runner.js';

/** Microseconds per clock tick, the unit of /proc/<pid>/stat. */
function tickMicros() {
  try {
    return 1e6 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());
  } catch {
    return 1e4; // 100 Hz, Linux's usual
  }
}

/** utime + stime of a PostgreSQL server process on this machine, in ticks; null for any other process. */
function postgresTicks(pid: number): number | null {
  try {
    if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('postgres')) return null;
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the 3rd on
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/**
 * CPU time (µs) the PostgreSQL backends serving this benchmark's database have used so far,
 * read from /proc, so that a report's cost inside the database shows beside the app's. Zero on
 * SQLite, which runs inside the measured process, and when PostgreSQL runs on another machine.
 */
export function databaseCpu(runner: Runner, postgres: boolean): () => Promise<number> {
  if (!postgres) return async () => 0;
  const tick = tickMicros();
  const seen = new Map<number, number>();
  let total = 0;
  return async () => {
    const backends = await runner.all({ sql: 'select pid from pg_stat_activity where datname = current_database()', params: [] });
    for (const { pid } of backends) {
      const ticks = postgresTicks(Number(pid));
      if (ticks === null) continue;
      total += ticks - (seen.get(Number(pid)) ?? 0); // a backend seen for the first time started since the last reading
      seen.set(Number(pid), ticks);
    }
    return total * tick;
  };
}
