import type { Kysely } from 'kysely';
import type { ImportEntity } from '../../../common/schemas/import.js';
import type { Database } from '../../db/database.js';
import { insertRows } from '../../db/bulk-insert.js';
import type { DB } from '../../db/schema.js';
import type { JobDefinition } from '../../jobs/job.service.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { EntityImporter, SaveCounts, WrittenRecord } from './import.batch.js';
import { readFile } from './import.file.js';
import type { ImportRow } from './import.presenter.js';
import { scanChunks } from './import.scan.js';

export const IMPORT_JOB = 'imports';

/** Runs committed imports in the background, a chunk per transaction that also advances the checkpoint. */
export class ImportRunner {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly importers: Record<ImportEntity, EntityImporter>,
  ) {}

  /** The job: due while an import waits or was cut short; its key is the oldest one's queue time and id. */
  job(): JobDefinition {
    return {
      name: IMPORT_JOB,
      dueKey: async () => {
        const next = await this.nextPending();
        return next ? `${next.queued_at}|${next.id}` : null;
      },
      run: async () => {
        let done = 0;
        for (let next = await this.nextPending(); next; next = await this.nextPending()) {
          await this.process(next.id);
          done++;
        }
        return { imports: done };
      },
      leaseMs: 2 * 60_000,
      retryDelayMs: 30_000,
    };
  }

  private nextPending() {
    return this.db
      .selectFrom('imports')
      .select(['id', 'queued_at'])
      .where('status', 'in', ['queued', 'running'])
      .orderBy('queued_at')
      .orderBy('id')
      .executeTakeFirst();
  }

  /**
   * Saves an import's rows after its checkpoint, chunk by chunk. `maxChunks` stops early as a
   * killed process would (tests, with `chunkRows` to keep them small); running again resumes
   * after the last committed chunk.
   */
  async process(id: string, opts: { maxChunks?: number; chunkRows?: number } = {}): Promise<void> {
    const imp = await this.db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (imp.status !== 'queued' && imp.status !== 'running') return;
    const actor = await this.actorOf(imp);
    if (!actor) return this.fail(id, 'The user who started the import no longer exists');
    await this.db.updateTable('imports').set({ status: 'running', updated_at: this.now() }).where('id', '=', id).execute();
    const importer = this.importers[imp.entity];
    let checkpoint = imp.rows_done;
    let chunks = 0;
    let stopped = false;
    await scanChunks(
      this.db,
      {
        bytes: () => readFile(this.db, id),
        read: { format: imp.format, encoding: imp.encoding as never, delimiter: imp.delimiter as never, sheet: imp.sheet },
        importer,
        actor,
        mapping: JSON.parse(imp.mapping) as (string | null)[],
        skip: imp.rows_done,
        chunkRows: opts.chunkRows,
        resolve: false,
      },
      async (rows, rowsRead) => {
        if (opts.maxChunks !== undefined && chunks >= opts.maxChunks) {
          stopped = true;
          return 'stop';
        }
        await this.db.transaction().execute(async (trx) => {
          const now = this.now();
          // Matched inside the transaction, so what earlier chunks wrote is seen.
          if (rows.length) await importer.resolve(trx, actor, rows);
          const written: WrittenRecord[] = [];
          const counts = await importer.save({ trx, importId: id, actor, now, policy: imp.duplicate_policy, written }, rows);
          await this.recordWritten(trx, id, written);
          await this.advance(trx, id, checkpoint, rowsRead, counts, now);
        });
        checkpoint = rowsRead;
        chunks++;
      },
      () => [],
    );
    if (!stopped) await this.finish(id, actor);
  }

  private async actorOf(imp: ImportRow): Promise<Actor | null> {
    if (!imp.created_by) return null;
    const user = await this.db.selectFrom('users').select(['id', 'role', 'account_id']).where('id', '=', imp.created_by).executeTakeFirst();
    return user ? { id: user.id, role: user.role, accountId: user.account_id } : null;
  }

  private async recordWritten(trx: Kysely<DB>, importId: string, written: WrittenRecord[]) {
    await insertRows(
      trx,
      'import_records',
      written.map((w) => ({
        import_id: importId,
        table_name: w.table,
        record_id: w.id,
        action: w.action,
        prior: w.prior ? JSON.stringify(w.prior) : null,
        version_after: w.versionAfter,
      })),
      // A record met twice (created, then updated by a later row) keeps how it began and its latest version.
      'on conflict ("import_id", "table_name", "record_id") do update set "version_after" = excluded."version_after"',
    );
  }

  /** Moves the checkpoint with the chunk's counts; refuses (rolling the chunk back) when another run moved it first. */
  private async advance(trx: Kysely<DB>, id: string, from: number, to: number, c: SaveCounts, now: string) {
    const res = await trx
      .updateTable('imports')
      .set((eb) => ({
        rows_done: to,
        created_count: eb('created_count', '+', c.created),
        updated_count: eb('updated_count', '+', c.updated),
        skipped_count: eb('skipped_count', '+', c.skipped),
        failed_count: eb('failed_count', '+', c.failed),
        updated_at: now,
      }))
      .where('id', '=', id)
      .where('rows_done', '=', from)
      .executeTakeFirst();
    if (res.numUpdatedRows === 0n) throw new Error(`Import ${id} was advanced by another run`);
  }

  private async finish(id: string, actor: Actor) {
    await this.db.transaction().execute(async (trx) => {
      const now = this.now();
      const row = await trx
        .updateTable('imports')
        .set({ status: 'done', finished_at: now, updated_at: now })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .returningAll()
        .executeTakeFirst();
      if (!row) return;
      await recordAudit(trx, {
        actorId: actor.id,
        recordType: 'import',
        recordId: id,
        action: 'create',
        after: {
          entity: row.entity,
          fileName: row.file_name,
          fileSha256: row.file_sha256,
          rows: row.total_rows,
          created: row.created_count,
          updated: row.updated_count,
          skipped: row.skipped_count,
          failed: row.failed_count,
        },
        at: now,
      });
    });
  }

  private async fail(id: string, error: string) {
    await this.db.updateTable('imports').set({ status: 'failed', error, updated_at: this.now() }).where('id', '=', id).execute();
  }

  private now() {
    return this.clock.now().toISOString();
  }
}
