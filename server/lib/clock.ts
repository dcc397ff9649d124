/** The source of "now"; tests pass their own to move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A UTC ISO timestamp, fixed-width so text comparison orders correctly on SQLite. */
export const toIso = (d: Date | string): string => (typeof d === 'string' ? new Date(d) : d).toISOString();
