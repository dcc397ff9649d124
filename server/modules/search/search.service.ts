import { SEARCH_KINDS, type SearchItem, type SearchKind, type SearchQuery, type SearchResult } from '../../../common/schemas/search.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../access/index.js';
import { recentRecordsOf } from '../audit/index.js';
import type { SearchRow, SearchSource } from './source.js';
import { recordRank, wordsOf } from './words.js';

/** Rows read per round of catching up (a fresh installation indexes its records in rounds). */
const BATCH = 2000;
/**
 * How far behind the newest stamp the cursor stays: a transaction that commits after a later
 * one was indexed has an older stamp, and is still read on the next search. Rows in the window
 * are read again each time, but rewritten only when their version changed.
 */
const LAG_MS = 5 * 60_000;
/** Index rows read per query: the exact words sort first, then the shortest continuations. */
const CANDIDATES = 200;
const EPOCH = '1970-01-01T00:00:00.000Z';
/** Audit names of the kinds, for "what you changed lately". */
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

/**
 * Global search over the records the modules contribute as sources.
 *
 * Consistency without touching each module's writes: every search first catches the index up
 * (per kind, the rows stamped since the kind's cursor: one indexed range read when nothing
 * changed), so a rename is found by its new name on the next search. Found records are then
 * read again from their own tables, under the access module's scope, and ranked on their
 * current words: a record the caller may not read is never returned, a stale word never
 * matches, and one that was deleted leaves the index.
 */
export class SearchService {
  private readonly sources = new Map<SearchKind, SearchSource>();
  private catching: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  addSource(source: SearchSource): void {
    this.sources.set(source.kind, source);
  }

  async search(actor: Actor, query: SearchQuery): Promise<SearchResult> {
    await this.catchUp();
    const tokens = wordsOf(query.q);
    if (tokens.length === 0) return { query: query.q, groups: [], recent: await this.recent(actor, query.limit * 2) };
    const scopes = [...this.sources.values()].map((s) => ({ kind: s.kind, scope: s.candidates(actor) }));
    const everyRow = scopes.filter((s) => s.scope === 'all').map((s) => s.kind);
    const conditions = scopes.flatMap((s) => (typeof s.scope === 'function' ? [s.scope] : []));
    if (everyRow.length === 0 && conditions.length === 0) return { query: query.q, groups: [], recent: [] };
    // The longest word narrows the index most; the others are checked on the records read.
    const driver = tokens.reduce((a, b) => (b.length > a.length ? b : a));
    const hits = await this.db
      .selectFrom('search_terms')
      .select(['kind', 'record_id'])
      .where('term', '>=', driver)
      .where('term', '<', `${driver}\uffff`)
      .$if(everyRow.length < scopes.length, (q) =>
        q.where((eb) =>
          eb.or([...(everyRow.length > 0 ? [eb('search_terms.kind', 'in', everyRow)] : []), ...conditions.map((c) => c(eb))]),
        ),
      )
      .orderBy('term')
      .limit(CANDIDATES)
      .execute();
    const ranked: { item: SearchItem; rank: number }[] = [];
    // Each kind's records are read at once (in parallel on PostgreSQL's pool).
    const read = await Promise.all(
      [...groupIds(hits)].map(async ([kind, ids]) => {
        const source = this.sources.get(kind)!;
        const rows = await source.readable(actor, ids);
        await this.forgetDeleted(source, ids, rows);
        return { kind, rows };
      }),
    );
    for (const { kind, rows } of read) {
      for (const row of rows) {
        const rank = recordRank(tokens, row.title, row.secondary);
        if (rank !== null) ranked.push({ item: itemOf(kind, row), rank });
      }
    }
    ranked.sort((a, b) => a.rank - b.rank || b.item.updatedAt.localeCompare(a.item.updatedAt) || a.item.id.localeCompare(b.item.id));
    const groups = new Map<SearchKind, SearchItem[]>();
    for (const { item } of ranked) {
      const items = groups.get(item.kind) ?? [];
      if (items.length < query.limit) items.push(item);
      groups.set(item.kind, items);
    }
    return { query: query.q, groups: [...groups].map(([kind, items]) => ({ kind, items })), recent: [] };
  }

  /** The records the actor changed lately that they may still read, latest first. */
  private async recent(actor: Actor, limit: number): Promise<SearchItem[]> {
    const kindOf = new Map(SEARCH_KINDS.map((k) => [RECORD_TYPE[k], k]));
    const entries = await recentRecordsOf(
      this.db,
      actor.id,
      [...this.sources.keys()].map((k) => RECORD_TYPE[k]),
      limit,
    );
    const byKind = groupIds(entries.map((e) => ({ kind: kindOf.get(e.recordType)!, record_id: e.recordId })));
    const found = new Map<string, SearchItem>();
    for (const [kind, ids] of byKind) {
      for (const row of await this.sources.get(kind)!.readable(actor, ids)) found.set(`${kind}:${row.id}`, itemOf(kind, row));
    }
    return entries.flatMap((e) => found.get(`${kindOf.get(e.recordType)}:${e.recordId}`) ?? []);
  }

  /** Brings the index up to date with every source; concurrent searches share one run. */
  catchUp(): Promise<void> {
    this.catching ??= this.catchUpAll().finally(() => {
      this.catching = null;
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
    }
    const changed = rows.filter((r) => known.get(r.id) !== r.version);
    const horizon = new Date(this.clock.now().getTime() - LAG_MS).toISOString();
    const cursor = [from, lastStamp < horizon ? lastStamp : horizon].sort().at(-1)!;
    // The usual case, rows of the lag window read again: nothing to write.
    if (changed.length === 0 && cursor === from) return;
    await this.db.transaction().execute(async (t) => {
      for (const part of chunks(changed, 500)) {
        const ids = part.map((r) => r.id);
        await t.deleteFrom('search_terms').where('kind', '=', kind).where('record_id', 'in', ids).execute();
        const terms = part.flatMap((r) => termsOf(kind, r));
        for (const slice of chunks(terms, 1000)) {
          await t
            .insertInto('search_terms')
            .values(slice)
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
        await t
          .insertInto('search_records')
          .values(part.map((r) => ({ kind, record_id: r.id, version: r.version })))
          .onConflict((oc) => oc.columns(['kind', 'record_id']).doUpdateSet((eb) => ({ version: eb.ref('excluded.version') })))
          .execute();
      }
      await t
        .insertInto('search_cursors')
        .values({ kind, cursor })
        .onConflict((oc) => oc.column('kind').doUpdateSet({ cursor }))
        .execute();
    });
  }

  /** Ids the index found that no longer exist leave it (a deletion is not a change stamp). */
  private async forgetDeleted(source: SearchSource, ids: string[], readable: SearchRow[]): Promise<void> {
    const seen = new Set(readable.map((r) => r.id));
    const unseen = ids.filter((id) => !seen.has(id));
    if (unseen.length === 0) return;
    const existing = new Set(await source.existing(unseen));
    const gone = unseen.filter((id) => !existing.has(id));
    if (gone.length === 0) return;
    await this.db.transaction().execute(async (t) => {
      await t.deleteFrom('search_terms').where('kind', '=', source.kind).where('record_id', 'in', gone).execute();
      await t.deleteFrom('search_records').where('kind', '=', source.kind).where('record_id', 'in', gone).execute();
    });
  }
}

/** The words of a record as index rows: each word once, as a title word when it is one. */
function termsOf(kind: SearchKind, row: SearchRow) {
  const field = new Map<string, number>();
  for (const w of wordsOf(row.title)) field.set(w, 0);
  for (const w of row.secondary.flatMap((s) => wordsOf(s))) if (!field.has(w)) field.set(w, 1);
  return [...field].slice(0, 64).map(([term, f]) => ({ term, kind, record_id: row.id, field: f }));
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

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
