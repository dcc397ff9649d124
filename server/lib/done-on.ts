/**
 * The day delivered work is recorded as done after a status change (tasks, milestones): the
 * agency's today when it becomes done, nothing when it is reopened, unchanged (undefined)
 * otherwise. Acts of completed work find what was delivered in a period by it.
 */
export async function doneOnAfter(
  row: { status: string },
  status: string | undefined,
  today: () => Promise<string>,
): Promise<string | null | undefined> {
  if (status === undefined || status === row.status) return undefined;
  return status === 'done' ? today() : null;
}
