import type { Clock } from '../lib/clock.js';

const DAY = 86_400_000;

/** The seed's clock: records are written "as of" dates across the past year. */
export class DemoClock implements Clock {
  private at: Date | null = null;

  constructor(private readonly today: Date) {}

  now(): Date {
    return new Date(this.at ?? this.today);
  }

  /** Moves to `days` before today at a working hour; `null` returns to the present. */
  daysAgo(days: number | null, hour = 10): void {
    if (days === null) {
      this.at = null;
      return;
    }
    const d = new Date(this.today.getTime() - days * DAY);
    d.setUTCHours(hour, 0, 0, 0);
    this.at = d;
  }

  /** The calendar date `days` from today (negative: past). */
  date(days: number): string {
    return new Date(this.today.getTime() + days * DAY).toISOString().slice(0, 10);
  }
}
