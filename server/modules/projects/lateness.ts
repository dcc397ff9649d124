/**
 * What "late" means, decided on the server against the agency's today (its time zone), so
 * every page and report says the same: the web never compares dates itself.
 */

/** Stages in which the work is handed over: such a project is never late, whatever its due date. */
const FINISHED_STAGES: ReadonlySet<string> = new Set(['delivered', 'closed']);

/** A project is late when its due date is before today and it is neither delivered nor closed. */
export const isProjectLate = (p: { stage: string; due_date: string | null }, today: string): boolean =>
  p.due_date !== null && p.due_date < today && !FINISHED_STAGES.has(p.stage);

/** A milestone is late when it is not done and its due date is before today. */
export const isMilestoneLate = (m: { status: string; due_date: string }, today: string): boolean =>
  m.status !== 'done' && m.due_date < today;

/** A task is late when it is not done and its due date is before today. */
export const isTaskLate = (t: { status: string; due_date: string | null }, today: string): boolean =>
  t.status !== 'done' && t.due_date !== null && t.due_date < today;
