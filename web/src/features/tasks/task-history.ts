/** A task's audit entries as its page tells them: the changes worth reading, and the time logged. */
import type { AuditEntry } from '@common/schemas/audit';

type Change = AuditEntry['changes'][string];

/** The task's own id and where it sits never change, so saying them is noise. */
const FIXED = new Set(['id', 'projectId', 'projectName', 'accountId', 'accountName']);
/** An id shown by the name recorded beside it. */
const NAMED: Record<string, string> = { assigneeId: 'assigneeName', milestoneId: 'milestoneTitle' };

const unset = (v: unknown) => v === null || v === '' || v === 0;

/**
 * The entry's changes to show: not what never changes, not ids whose names were recorded beside
 * them, and for a new task only what was set on it.
 */
export function visibleChanges(entry: Pick<AuditEntry, 'action' | 'changes'>): [field: string, change: Change][] {
  return Object.entries(entry.changes).filter(
    ([field, change]) =>
      !FIXED.has(field) && !(NAMED[field] && NAMED[field] in entry.changes) && !(entry.action === 'create' && unset(change.after)),
  );
}

export interface TimeLogEntry {
  id: string;
  at: string;
  actorName: string | null;
  /** Hours added (negative: a correction). */
  hours: number;
  /** Time spent after the change. */
  total: number;
}

const hoursOf = (v: unknown) => (typeof v === 'number' ? v : 0);

/** Each change of the time spent, newest first as the history is, with the hours it added. */
export function timeLog(entries: AuditEntry[]): TimeLogEntry[] {
  return entries.flatMap((e) => {
    const spent = e.changes.spentHours;
    if (!spent) return [];
    const total = hoursOf(spent.after);
    // Rounded to the thousandth, so that 2.3 − 2.1 reads 0.2 rather than 0.19999….
    const hours = Math.round((total - hoursOf(spent.before)) * 1000) / 1000;
    return hours === 0 ? [] : [{ id: e.id, at: e.at, actorName: e.actorName, hours, total }];
  });
}
