import { describe, expect, it } from 'vitest';
import { formatTable, quantile, summarize } from './summary.js';

describe('drill summary', () => {
  it('takes quantiles by nearest rank', () => {
    const ms = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([quantile(ms, 0.5), quantile(ms, 0.99), quantile(ms, 1)]).toEqual([50, 99, 100]);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('counts requests and errors by kind per phase, in the order of the phases', () => {
    const rows = summarize(
      [
        { phase: 'after', op: 'read', ms: 5, error: null },
        { phase: 'before', op: 'read', ms: 10, error: null },
        { phase: 'before', op: 'payment', ms: 30, error: 'http 502' },
        { phase: 'before', op: 'read', ms: 20, error: 'http 502' },
        { phase: 'before', op: 'read', ms: 40, error: 'network ECONNRESET' },
      ],
      ['before', 'rolling restart', 'after'],
    );
    expect(rows.map((r) => [r.phase, r.requests, r.errors])).toEqual([
      ['before', 4, 3],
      ['rolling restart', 0, 0],
      ['after', 1, 0],
    ]);
    expect(rows[0]).toMatchObject({ kinds: { 'http 502': 2, 'network ECONNRESET': 1 }, p50: 20, p99: 40 });
    expect(formatTable(rows).split('\n')[2]).toMatch(/^before\s+4\s+3\s+20\.0\s+40\.0\s+http 502: 2, network ECONNRESET: 1$/);
  });
});
