// Splits the browser journeys into parts of about equal running time, so parts run side by side
// end together. Playwright's own --shard balances by the number of tests, which left one part
// minutes behind the other: a spec of two long journeys weighs more than one of eight short ones.
//
//   node scripts/e2e-split.mjs PARTS PART [S1,S2,…]    prints the file filters of part PART (1-based),
//        one a line; Sn: seconds of other work part n has before its journeys (its lane's head start)
//   node scripts/e2e-split.mjs --record REPORT.json…    updates e2e/durations.json from Playwright JSON reports
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const DURATIONS = new URL('../e2e/durations.json', import.meta.url);
const specs = readdirSync(new URL('../e2e/', import.meta.url))
  .filter((f) => f.endsWith('.spec.ts'))
  .sort();
const known = (() => {
  try {
    return JSON.parse(readFileSync(DURATIONS, 'utf8'));
  } catch {
    return {};
  }
})();

if (process.argv[2] === '--record') {
  // Seconds per spec file: the sum of its tests' last runs (hooks included), as each report measured them.
  const seconds = {};
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests) {
        // A test's last run: a retry after a failure says nothing of its usual time.
        const run = test.results.at(-1);
        if (run) seconds[spec.file] = (seconds[spec.file] ?? 0) + run.duration / 1000;
      }
    (suite.suites ?? []).forEach(walk);
  };
  for (const file of process.argv.slice(3)) JSON.parse(readFileSync(file, 'utf8')).suites.forEach(walk);
  const merged = Object.fromEntries(specs.filter((f) => f in seconds || f in known).map((f) => [f, Math.round(seconds[f] ?? known[f])]));
  writeFileSync(DURATIONS, `${JSON.stringify(merged, null, 2)}\n`);
  console.log(`recorded ${Object.keys(seconds).length} spec files into e2e/durations.json`);
} else {
  const parts = Number(process.argv[2]);
  const part = Number(process.argv[3]);
  if (!(parts >= 1 && part >= 1 && part <= parts)) {
    console.error('usage: node scripts/e2e-split.mjs PARTS PART [S1,S2,…] | --record REPORT.json…');
    process.exit(2);
  }
  // A spec never measured (a new one) counts as a typical one until the next recording.
  const measured = Object.values(known).sort((a, b) => a - b);
  const typical = measured.length ? measured[Math.floor(measured.length / 2)] : 1;
  const weight = (f) => known[f] ?? typical;
  // Longest first, each to the lightest part: within a few seconds of even for lists like ours.
  const headStart = (process.argv[4] ?? '').split(',').map(Number);
  const load = Array.from({ length: parts }, (_, i) => ({ seconds: headStart[i] || 0, files: [] }));
  for (const f of [...specs].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))) {
    const lightest = load.reduce((min, p) => (p.seconds < min.seconds ? p : min));
    lightest.seconds += weight(f);
    lightest.files.push(f);
  }
  // Playwright reads each argument as a pattern over the file's path: anchor it to that one file.
  for (const f of load[part - 1].files) console.log(`/${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}
