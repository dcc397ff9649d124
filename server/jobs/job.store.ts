import type { Database } from '../db/database.js';
import { newId } from '../lib/ids.js';

/**
 * The `jobs` table: one row per scheduled job with the period it last completed and a lease.
 * Claiming is one conditional UPDATE, atomic on both databases: on PostgreSQL a second
 * instance's UPDATE waits for the first's row lock and then re-checks the condition (the
 * lease is taken, so it matches nothing); on SQLite writes are serialized.
 */
export class JobStore {
  constructor(private readonly db: Database) {}

  async ensure(name: string): Promise<void> {
    await this.db
      .insertInto('jobs')
      .values({ name })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }

  /** Takes the lease for `key` if that period is not done yet and nobody holds a live lease. */
  async claim(name: string, key: string, owner: string, now: string, until: string): Promise<boolean> {
    const res = await this.db
      .updateTable('jobs')
      .set({ lease_owner: owner, lease_until: until, last_started_at: now, last_status: 'running' })
      .where('name', '=', name)
      .where((eb) => eb.or([eb('last_key', 'is', null), eb('last_key', '<', key)]))
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .executeTakeFirst();
    return res.numUpdatedRows > 0n;
  }

  /** Extends a lease still held by `owner`; false when it was lost. */
  async renew(name: string, owner: string, until: string): Promise<boolean> {
    const res = await this.db
      .updateTable('jobs')
      .set({ lease_until: until })
      .where('name', '=', name)
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return res.numUpdatedRows > 0n;
  }

  /** Records the period as done and frees the lease; false when the lease had been lost meanwhile. */
  async complete(name: string, key: string, owner: string, now: string, result: unknown): Promise<boolean> {
    const res = await this.db
      .updateTable('jobs')
      .set({
        last_key: key,
        lease_owner: null,
        lease_until: null,
        last_finished_at: now,
        last_status: 'done',
        last_error: null,
        last_result: JSON.stringify(result),
      })
      .where('name', '=', name)
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return res.numUpdatedRows > 0n;
  }

  /** Frees the lease after a failure but keeps others off until `retryAt`, so a failing job does not spin. */
  async fail(name: string, owner: string, now: string, retryAt: string, error: string): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ lease_owner: null, lease_until: retryAt, last_finished_at: now, last_status: 'failed', last_error: error })
      .where('name', '=', name)
      .where('lease_owner', '=', owner)
      .execute();
  }

  get(name: string) {
    return this.db.selectFrom('jobs').selectAll().where('name', '=', name).executeTakeFirst();
  }

  /** A line per attempt, for operators: which instance ran which period, and how it ended. */
  async logStart(name: string, key: string, instance: string, now: string): Promise<string> {
    const id = newId();
    await this.db
      .insertInto('job_runs')
      .values({ id, job_name: name, run_key: key, instance_id: instance, started_at: now, status: 'running' })
      .execute();
    return id;
  }

  async logEnd(id: string, now: string, status: 'done' | 'failed', detail: string): Promise<void> {
    await this.db
      .updateTable('job_runs')
      .set({ finished_at: now, status, error: status === 'failed' ? detail : null, result: status === 'done' ? detail : null })
      .where('id', '=', id)
      .execute();
  }

  /**
   * When each job last completed a period, across all instances. The `jobs` row answers for a
   * job whose last run succeeded; for one failing or running now, its latest successful run.
   */
  async lastSuccesses(): Promise<Array<{ name: string; at: string | null }>> {
    const jobs = await this.db.selectFrom('jobs').select(['name', 'last_status', 'last_finished_at']).execute();
    return Promise.all(
      jobs.map(async (j) => {
        if (j.last_status === 'done') return { name: j.name, at: j.last_finished_at };
        const run = await this.db
          .selectFrom('job_runs')
          .select('finished_at')
          .where('job_name', '=', j.name)
          .where('status', '=', 'done')
          .orderBy('started_at', 'desc')
          .limit(1)
          .executeTakeFirst();
        return { name: j.name, at: run?.finished_at ?? null };
      }),
    );
  }
}
