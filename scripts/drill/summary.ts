import type { Sample } from './load.js';
import type { Check } from './verify.js';

/** The q-quantile (0–1) of sorted values, nearest rank. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export interface PhaseSummary {
  phase: string;
  requests: number;
  errors: number;
  /** Failures by kind, e.g. { 'http 502': 2, 'network ECONNRESET': 1 }. */
  kinds: Record<string, number>;
  p50: number;
  p99: number;
}

/** Requests, errors by kind and latency per phase, in the order the phases are given. */
export function summarize(samples: Sample[], phases: string[]): PhaseSummary[] {
  return phases.map((phase) => {
    const own = samples.filter((s) => s.phase === phase);
    const ms = own.map((s) => s.ms).sort((a, b) => a - b);
    const kinds: Record<string, number> = {};
    for (const s of own) if (s.error) kinds[s.error] = (kinds[s.error] ?? 0) + 1;
    return {
      phase,
      requests: own.length,
      errors: own.filter((s) => s.error).length,
      kinds,
      p50: quantile(ms, 0.5),
      p99: quantile(ms, 0.99),
    };
  });
}

const pad = (text: string, width: number, right = false) => (right ? text.padStart(width) : text.padEnd(width));

export function formatTable(rows: PhaseSummary[]): string {
  const header = ['phase', 'requests', 'errors', 'p50 ms', 'p99 ms', 'errors by kind'];
  const lines = rows.map((r) => [
    r.phase,
    String(r.requests),
    String(r.errors),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    Object.entries(r.kinds)
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ') || '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], i > 0 && i < 5)).join('  ');
  return [row(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(row)].join('\n');
}

export function formatChecks(checks: Check[]): string {
  return checks.map((c) => `${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`).join('\n');
}
