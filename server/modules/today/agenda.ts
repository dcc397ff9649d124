import type { Language, MessageCode, MessageParams } from '../../../common/messages/index.js';
import type { AgendaAction, AgendaKind, AgendaSeverity, AgendaItem } from '../../../common/schemas/today.js';
import { addDays, daysBetween } from '../../lib/dates.js';
import type { AgendaSubject } from '../access/index.js';

export type { AgendaSubject, AgendaArea } from '../access/index.js';

/** What a provider is asked for: whose Today, on which day, and how far ahead "this week" reaches. */
export interface AgendaScope {
  subject: AgendaSubject;
  /** Today in the agency's time zone (YYYY-MM-DD). */
  today: string;
  /** The last day "this week" reaches (today + 7): items due later are not on Today yet. */
  horizon: string;
  /** The instant of the request (ISO). */
  now: string;
  /** The reader's language, for words a module keeps worded per reader (a stop-work reason). */
  language: Language;
}

/** One item as its module words it; Today adds its group, days overdue, its own actions and the words in the reader's language. */
export interface AgendaEntry {
  /** Stable while the fact stays the same (`invoice-overdue:<id>:<level>`): snooze and done follow the key. */
  key: string;
  kind: AgendaKind;
  severity: AgendaSeverity;
  /** The day it needed attention by. */
  due: string;
  account: { id: string; name: string } | null;
  record: AgendaItem['record'];
  reason: [MessageCode, MessageParams];
  /** The owning module's one-click actions (Today adds done, snooze and dismiss). */
  actions?: AgendaAction[];
}

/**
 * A source of Today items, contributed by the module that owns the records. It answers for a
 * whole scope with a fixed number of set-based queries (never one per account), limited to
 * the subject's accounts through the access module's agenda scopes.
 */
export interface AgendaProvider {
  /** A name for logs and benchmarks. */
  name: string;
  /** The kinds it gives. */
  kinds: readonly AgendaKind[];
  entries(scope: AgendaScope): Promise<AgendaEntry[]>;
}

/** The scope of a subject on a day. */
export const scopeOn = (subject: AgendaSubject, today: string, now: string, language: Language = 'en'): AgendaScope => ({
  subject,
  today,
  horizon: addDays(today, 7),
  now,
  language,
});

/** Days from `due` to `today` (positive when late). */
export const lateDays = (due: string, today: string) => daysBetween(due, today);

/** A timestamp's or date's calendar day. */
export const dayOf = (value: string | Date) => (typeof value === 'string' ? value : value.toISOString()).slice(0, 10);

/** Severity growing with lateness: low before the day, medium from it, high a week late, critical a month late. */
export function severityByLateness(days: number): AgendaSeverity {
  if (days >= 30) return 'critical';
  if (days >= 7) return 'high';
  return days >= 0 ? 'medium' : 'low';
}
