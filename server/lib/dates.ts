const DAY = 86_400_000;
const toUtc = (date: string) => new Date(`${date}T00:00:00Z`);
export const fromUtc = (d: Date) => d.toISOString().slice(0, 10);

/** The date `days` after (or before, when negative) a calendar date. */
export const addDays = (date: string, days: number): string => fromUtc(new Date(toUtc(date).getTime() + days * DAY));

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY);

/** The Monday of the ISO week containing the date. */
export function weekStart(date: string): string {
  const dow = (toUtc(date).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(date, -dow);
}

/** Monday-to-Friday days from `from` to `to`, both included; 0 when `to` is earlier. */
export function workingDays(from: string, to: string): number {
  let count = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const dow = toUtc(d).getUTCDay();
    if (dow !== 0 && dow !== 6) count++;
  }
  return count;
}
