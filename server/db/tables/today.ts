/** Tables of Today (migration 0036_today). */

/** A person's mark on an item of their Today, by the item's key. */
export interface AgendaMarksTable {
  user_id: string;
  item_key: string;
  state: 'snoozed' | 'done' | 'dismissed';
  /** Snoozed: the day it comes back (YYYY-MM-DD). */
  until: string | null;
  /** Dismissed: why. */
  reason: string | null;
  marked_at: string;
}

export interface TodayTables {
  agenda_marks: AgendaMarksTable;
}
