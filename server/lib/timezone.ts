/**
 * The agency's local day and hour. "Overdue", "today" and the hour of the daily follow-up
 * are decided in the agency's time zone (a setting), not in the server's.
 */

/** One formatter per known time zone: building one costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The time zone's formatter; throws a RangeError for a name the platform does not know. */
function formatterFor(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function partsIn(instant: Date, timeZone: string) {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return parts;
}

/** True for a time zone name the platform knows, such as Europe/Moscow (checked once per name). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date it is at `instant` in the time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const p = partsIn(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Minutes since local midnight at `instant` in the time zone. */
export function localMinutes(instant: Date, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  return Number(p.hour) * 60 + Number(p.minute);
}

/** "09:30" → 570. */
export function timeOfDayMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** The instant a calendar date begins in the time zone (its local midnight), e.g. to bound a local period in UTC. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const asUtc = Date.parse(`${date}T00:00:00Z`);
  // The zone's offset at that moment, then once more at the corrected moment (a change of offset that day).
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const p = partsIn(new Date(guess), timeZone);
    const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
    guess = asUtc - (wall - guess);
  }
  return new Date(guess);
}
