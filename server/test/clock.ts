import type { Clock } from '../lib/clock.js';

/** A clock tests move by hand. */
export class TestClock implements Clock {
  private current: Date;

  constructor(start = '2026-03-02T09:00:00.000Z') {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }

  set(iso: string): void {
    this.current = new Date(iso);
  }
}
