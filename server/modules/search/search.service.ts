import type { Kysely } from 'kysely';
import { SEARCH_KINDS, type SearchItem, type SearchKind, type SearchQuery, type SearchResult } from '../../../common/schemas/search.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { accountsReadWhole, type Actor } from '../access/index.js';
import { recentRecordsOf, type AuditInput } from '../audit/index.js';
import { chunks, forgetWords, writeWords } from './search.index.js';
import { rankedHits } from './search.query.js';
import type { SearchRow, SearchSource } from './source.js';
import { wordsOf } from './words.js';

/** Rows read per round of catching up (a fresh installation indexes its records in rounds). */
const BATCH = 2000;
/**
 * How far behind the newest stamp the cursor stays: a transaction that commits after a later
 * one was indexed has an older stamp, and is still read on the next catch-up. Rows in the window
 * are read again each time, but rewritten only when their version changed.
 */
const LAG_MS = 5 * 60_000;
const EPOCH = '1970-01-01T00:00:00.000Z';
/** How long the answer to "are words without their account left?" holds (see `wordsUnplaced`). */
const UNPLACED_CHECK_MS = 60_000;
/** Audit names of the kinds, for "what you changed lately" and for keeping the words current. */
const RECORD_TYPE: Record<SearchKind, string> = {
  account: 'account',
  contact: 'contact',
  project: 'project',
  task: 'task',
  document: 'document',
  invoice: 'invoice',
  deal: 'deal',
  claim: 'claim',
};
const KIND_OF = new Map(SEARCH_KINDS.map((k) => [RECORD_TYPE[k], k]));

/**
 * Global search over the records the modules contribute as sources.
 *
 * The index is kept as records are written: every change is audited in its transaction, and
 * the audit entry of a searchable record rewrites that record's words in the same transaction,
 * so a rename is found by its new name at once and a search reads only the index. Writes that
 * are not audited one by one (an import's rows) are caught up by stamp in the background job.
 * A search is one ranked statement over the index within the caller's access (the access
 * module's scope, in SQL); the few records it names are then read by id from their own tables
 * for what is shown, and those deleted meanwhile (with their account) leave the index.
 */
export class SearchService {
  private readonly sources = new Map<SearchKind, SearchSource>();
  private catching: Promise<void> | null = null;
  private unplaced: { left: boolean; at: number } | null = null;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  addSource(source: SearchSource): void {
    this.sources.set(source.kind, source);
  }

  /** Rewrites the words of an audited record in the transaction of its change (or forgets it, deleted). */
  async written(trx: Kysely<DB>, entry: AuditInput): Promise<void> {
    const kind = KIND_OF.get(entry.recordType);
    const source = kind && this.sources.get(kind);
    if (!source) return;
    const rows = await source.rows(trx, [entry.recordId]);
    if (rows.length > 0) await writeWords(trx, source.kind, rows);
    else await forgetWords(trx, source.kind, [entry.recordId]);
  }

  async search(actor: Actor, query: SearchQuery): Promise<SearchResult> {
    const tokens = wordsOf(query.q);
    if (tokens.length === 0) return { query: query.q, groups: [], recent: await this.recent(actor, query.limit * 2) };
    const scopes = [...this.sources.values()].map((s) => ({ kind: s.kind, scope: s.candidates(actor) }));
    const everyRow = scopes.filter((s) => s.scope === 'all').map((s) => s.kind);
    const conditional = scopes.flatMap((s) => (typeof s.scope === 'function' ? [{ kind: s.kind, condition: s.scope }] : []));
    const conditions = conditional.map((c) => c.condition);
    if (everyRow.length === 0 && conditions.length === 0) return { query: query.q, groups: [], recent: [] };
    const accounts = accountsReadWhole(actor);
    const byAccount = accounts && {
      kinds: conditional.length === scopes.length ? ('all' as const) : conditional.map((c) => c.kind),
      accounts,
      unplaced: await this.wordsUnplaced(),
    };
    const scope = { everyRow, conditions, byAccount, filtered: everyRow.length < scopes.length };
    const hits = await rankedHits(this.db, tokens, scope, query.limit);
    // What is shown is read from the records themselves, each kind at once (in parallel on
    // PostgreSQL's pool); the statement above already kept to what the caller may read.
    const found = new Map<string, SearchItem>();
    await Promise.all(
      [...groupIds(hits)].map(async ([kind, ids]) => {
        const source = this.sources.get(kind)!;
        const rows = await source.rows(this.db, ids);
        await this.forgetGone(source.kind, ids, rows);
        for (const row of rows) found.set(`${kind}:${row.id}`, itemOf(kind, row));
      }),
    );
    const groups = new Map<SearchKind, SearchItem[]>();
    for (const hit of hits) {
      const item = found.get(`${hit.kind}:${hit.record_id}`);
      if (item) groups.set(hit.kind, [...(groups.get(hit.kind) ?? []), item]);
    }
    return { query: query.q, groups: [...groups].map(([kind, items]) => ({ kind, items })), recent: [] };
  }

  /**
   * Whether words without their record's account are left (written before 0048, or by an
   * instance of the release before it during a rolling upgrade), until the job rewrites them:
   * only then does a manager's search check words record by record too. Asked of the partial
   * index at most once a minute, and again after each catch-up.
   */
  private async wordsUnplaced(): Promise<boolean> {
    const now = performance.now();
    if (this.unplaced && now - this.unplaced.at < UNPLACED_CHECK_MS) return this.unplaced.left;
    const word = await this.db.selectFrom('search_terms').select('record_id').where('account_id', 'is', null).limit(1).executeTakeFirst();
    this.unplaced = { left: word !== undefined, at: now };
    return this.unplaced.left;
  }

  /** The records the actor changed lately that they may still read, latest first. */
  private async recent(actor: Actor, limit: number): Promise<SearchItem[]> {
    const entries = await recentRecordsOf(
      this.db,
      actor.id,
      [...this.sources.keys()].map((k) => RECORD_TYPE[k]),
      limit,
    );
    const byKind = groupIds(entries.map((e) => ({ kind: KIND_OF.get(e.recordType)!, record_id: e.recordId })));
    const found = new Map<string, SearchItem>();
    for (const [kind, ids] of byKind) {
      for (const row of await this.sources.get(kind)!.readable(actor, ids)) found.set(`${kind}:${row.id}`, itemOf(kind, row));
    }
    return entries.flatMap((e) => found.get(`${KIND_OF.get(e.recordType)}:${e.recordId}`) ?? []);
  }

  /** Brings the index up to date with every source; concurrent searches share one run. */
  catchUp(): Promise<void> {
    this.catching ??= this.catchUpAll().finally(() => {
      this.catching = null;
      this.unplaced = null;
    });
    return this.catching;
  }

  private async catchUpAll(): Promise<void> {
    const cursors = await this.db.selectFrom('search_cursors').select(['kind', 'cursor']).execute();
    const cursorOf = new Map(cursors.map((c) => [c.kind, new Date(c.cursor).toISOString()]));
    // Each kind's first read runs at once (the usual case: nothing changed, one indexed read each).
    await Promise.all([...this.sources.values()].map((s) => this.catchUpKind(s, cursorOf.get(s.kind) ?? EPOCH)));
  }

  private async catchUpKind(source: SearchSource, start: string): Promise<void> {
    let after = { at: start, id: '' };
    for (;;) {
      const rows = await source.changedSince(after, BATCH);
      if (rows.length === 0) return;
      const last = rows[rows.length - 1];
      after = { at: new Date(last.updatedAt).toISOString(), id: last.id };
      await this.index(source.kind, rows, start, after.at);
      if (rows.length < BATCH) return;
    }
  }

  /** Rewrites the words of the rows whose version changed, and moves the kind's cursor on. */
  private async index(kind: SearchKind, rows: SearchRow[], from: string, lastStamp: string): Promise<void> {
    const known = new Map<string, number>();
    /** Records whose words were written before they carried their account (0048). */
    const unplaced = new Set<string>();
    for (const part of chunks(
      rows.map((r) => r.id),
      500,
    )) {
      const list = await this.db
        .selectFrom('search_records')
        .select(['record_id', 'version'])
        .where('kind', '=', kind)
        .where('record_id', 'in', part)
        .execute();
      for (const r of list) known.set(r.record_id, Number(r.version));
      const words = await this.db
        .selectFrom('search_terms')
        .select('record_id')
        .distinct()
        .where('kind', '=', kind)
        .where('record_id', 'in', part)
        .where('account_id', 'is', null)
        .execute();
      for (const w of words) unplaced.add(w.record_id);
    }
    const changed = rows.filter((r) => known.get(r.id) !== r.version || unplaced.has(r.id));
    const horizon = new Date(this.clock.now().getTime() - LAG_MS).toISOString();
    const cursor = [from, lastStamp < horizon ? lastStamp : horizon].sort().at(-1)!;
    // The usual case, rows of the lag window read again: nothing to write.
    if (changed.length === 0 && cursor === from) return;
    await this.db.transaction().execute(async (t) => {
      // Rows without a title (an invoice before its number) get no words, only their version.
      await writeWords(t, kind, changed);
      await t
        .insertInto('search_cursors')
        .values({ kind, cursor })
        .onConflict((oc) => oc.column('kind').doUpdateSet({ cursor }))
        .execute();
    });
  }

  /**
   * Ids the index found whose records are gone leave it: a record deleted along with another
   * (an account's contacts) has no audit entry of its own.
   */
  private async forgetGone(kind: SearchKind, ids: string[], rows: SearchRow[]): Promise<void> {
    const seen = new Set(rows.map((r) => r.id));
    const gone = ids.filter((id) => !seen.has(id));
    if (gone.length > 0) await this.db.transaction().execute((t) => forgetWords(t, kind, gone));
  }
}

const itemOf = (kind: SearchKind, row: SearchRow): SearchItem => ({
  kind,
  id: row.id,
  title: row.title,
  subtitle: row.subtitle,
  accountId: row.accountId,
  updatedAt: new Date(row.updatedAt).toISOString(),
});

function groupIds(rows: { kind: SearchKind; record_id: string }[]): Map<SearchKind, string[]> {
  const byKind = new Map<SearchKind, string[]>();
  for (const r of rows) {
    const ids = byKind.get(r.kind) ?? [];
    if (!ids.includes(r.record_id)) ids.push(r.record_id);
    byKind.set(r.kind, ids);
  }
  return byKind;
}
