import { fieldError } from './errors.js';

/**
 * The day delivered work (a task, a milestone) is recorded as done after a change: the day
 * given (work marked done later than it was done; never in the future), else the agency's
 * today when it becomes done, nothing when it is reopened, unchanged (undefined) otherwise.
 * Acts of completed work find what was delivered in a period by it.
 */
export async function doneOnAfter(
  row: { status: string },
  change: { status?: string; doneOn?: string },
  today: () => Promise<string>,
): Promise<string | null | undefined> {
  const status = change.status ?? row.status;
  if (change.doneOn !== undefined) {
    if (status !== 'done') throw fieldError('doneOn', 'work.done_on_open');
    if (change.doneOn > (await today())) throw fieldError('doneOn', 'validation.date_in_future');
    return change.doneOn;
  }
  if (change.status === undefined || change.status === row.status) return undefined;
  return change.status === 'done' ? today() : null;
}
