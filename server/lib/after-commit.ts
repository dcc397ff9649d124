/**
 * Work a listener called inside a transaction hands back to run once that transaction has
 * committed: sending the emails it queued now rather than at the next delivery round (before
 * the commit, the rows it would send are not there to be read).
 */
export type AfterCommit = () => Promise<unknown>;

/** Runs, in order, what the listeners handed back (those with nothing to do answer nothing). */
export async function runAfterCommit(work: readonly (AfterCommit | void)[]): Promise<void> {
  for (const w of work) if (w) await w();
}
