import { weekStart } from '../../lib/dates.js';
import { localDate } from '../../lib/timezone.js';

export interface RetentionRules {
  keepDaily: number;
  keepWeekly: number;
  timeZone: string;
}

/**
 * Which backups to delete: the newest backup of each of the `keepDaily` latest days that have one
 * is kept, and the newest of each of the `keepWeekly` latest weeks (Monday to Sunday); days and
 * weeks are the agency's. Counting days that have a backup, not calendar days, means a pause in
 * the schedule never deletes the last good copies.
 */
export function backupsToPrune<T extends { createdAt: string }>(backups: readonly T[], rules: RetentionRules): T[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const keep = new Set<T>();
  const pick = (periodOf: (b: T) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const period = periodOf(b);
      if (seen.has(period)) continue;
      if (seen.size === count) break;
      seen.add(period);
      keep.add(b);
    }
  };
  const dayOf = (b: T) => localDate(new Date(b.createdAt), rules.timeZone);
  pick(dayOf, rules.keepDaily);
  pick((b) => weekStart(dayOf(b)), rules.keepWeekly);
  return newestFirst.filter((b) => !keep.has(b)).reverse();
}
