/** How a claim's deadline reads: missed, or the time left in hours (under two days) or days. */
const HOUR = 3600_000;

export type DeadlineState = { kind: 'met' } | { kind: 'missed' } | { kind: 'left'; unit: 'hours' | 'days'; count: number };

export function deadlineState(by: string, done: string | null, breached: boolean, now: number): DeadlineState {
  if (breached) return { kind: 'missed' };
  if (done) return { kind: 'met' };
  const hours = Math.max(0, Math.floor((Date.parse(by) - now) / HOUR));
  return hours < 48 ? { kind: 'left', unit: 'hours', count: hours } : { kind: 'left', unit: 'days', count: Math.floor(hours / 24) };
}
