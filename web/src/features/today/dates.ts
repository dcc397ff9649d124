/** The day `days` after a calendar date (YYYY-MM-DD), a week by default: when a snoozed item comes back. */
export function nextWeek(today: string, days = 7): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
