import { sql, type Expression } from 'kysely';
import {
  eventKindsOf,
  TIMELINE_CATEGORIES,
  TIMELINE_EVENT_KINDS,
  type TimelineCategory,
  type TimelineEventKind,
} from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import { dialectOf, parseJson } from '../../db/dialect.js';
import { QueryTemplate } from '../../db/query-template.js';
import { afterCursor, toPage, type CursorPosition } from '../../lib/pagination.js';
import { accountScope, type Actor, type OwnedAccount } from '../access/index.js';
import { nextStepOfInteraction, type PackedNextStep } from '../next-steps/index.js';
import type { InteractionRow } from './interaction.presenter.js';

/** A merged row: an interaction as its own table row, with its contact ids and next step, or a system event. */
export type TimelineRow =
  | {
      entry_type: 'interaction';
      id: string;
      occurred_at: string;
      interaction: InteractionRow;
      contact_ids: string[];
      next_step: PackedNextStep | null;
    }
  | { entry_type: 'event'; id: string; occurred_at: string; kind: TimelineEventKind; actor_id: string | null; data: string };

/** One entry of the page as the query packs it: type, id, time, then the entry's other columns. */
type PackedEntry = [TimelineRow['entry_type'], string, string, unknown[]];

/** Interaction columns packed into an entry (author_id read as actor_id); after them come the array of contact ids and the next step. */
const INTERACTION_DETAIL = [
  'actor_id',
  'type',
  'summary',
  'outcome',
  'deal_id',
  'project_id',
  'version',
  'created_at',
  'updated_at',
] as const;
/** An interaction's packed columns in INTERACTION_DETAIL order (timestamps as JSON writes them), then its contact ids and next step. */
type PackedInteraction = [
  actor_id: InteractionRow['author_id'],
  type: InteractionRow['type'],
  summary: string,
  outcome: string | null,
  deal_id: string | null,
  project_id: string | null,
  version: number,
  created_at: string,
  updated_at: string,
  contact_ids: string[],
  next_step: PackedNextStep | null,
];
const EVENT_DETAIL = ['kind', 'actor_id', 'data'] as const;
/** The interaction columns an event's branch fills with nulls, typed: PostgreSQL matches types across the UNION. */
const NULL_TYPES = {
  type: 'text',
  summary: 'text',
  outcome: 'text',
  deal_id: 'text',
  project_id: 'text',
  version: 'integer',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
} as const;
const INTERACTION_COLUMNS = Object.keys(NULL_TYPES) as (keyof typeof NULL_TYPES)[];

/**
 * What changes the page's SQL: the reader's role (their access condition), whether a cursor is
 * given, the number of rows read, written into the SQL (SQLite plans a literal LIMIT of the
 * merge far better than a bound one: a fifth of the statement's time), and the kinds of entry
 * kept (comma-separated in TIMELINE_CATEGORIES order; empty for every kind).
 */
interface PageShape extends Record<string, string | boolean | number> {
  role: Actor['role'];
  client: boolean;
  after: boolean;
  rows: number;
  kinds: string;
}

interface PageValues extends Record<string, unknown> {
  accountId: string;
  actorId: string;
  actorAccountId: string | null;
  afterAt: string | number | null;
  afterId: string | null;
}

/** The page, or null when the account does not exist or the actor may not read it, with the account's owners. */
interface PageRow {
  page: string | PackedEntry[] | null;
  owner_id: string | null;
  backup_owner_id: string | null;
}

const pageQuery = new QueryTemplate<PageShape, PageValues, PageRow>(pageSql);

/**
 * The account history: interactions merged with the timeline's system events in one query.
 * It reads `timeline_events` (the timeline module's table) but never writes it.
 */
export class HistoryRepository {
  constructor(private readonly db: Database) {}

  /**
   * One page of the merged history, in one statement, with the account's ownership (what the
   * reader may do with its interactions depends on it); no entries when the account does not
   * exist or the actor may not read it. Each branch seeks its own (account_id, occurred_at, id)
   * index and stops at the page size, so the merge reads at most 2 × limit rows at any depth;
   * an interaction's contact ids are aggregated beside it with its next step (read by the
   * next-steps module's fragment), and the page comes back as one JSON
   * document (far cheaper to read than fifty rows of a dozen columns). `kinds` keeps some kinds
   * of entry only, inside the statement, so a filtered page is as full as any other.
   */
  async page(actor: Actor, accountId: string, limit: number, pos: CursorPosition | null, kinds?: readonly TimelineCategory[]) {
    const [row] = await pageQuery.execute(
      this.db,
      { role: actor.role, client: actor.accountId !== null, after: pos !== null, rows: limit + 1, kinds: kindsKey(kinds) },
      { accountId, actorId: actor.id, actorAccountId: actor.accountId, afterAt: pos?.v ?? null, afterId: pos?.id ?? null },
    );
    const timestamp = dialectOf(this.db).jsonTimestamp;
    const entries = row.page ? parseJson<PackedEntry[]>(row.page) : [];
    const account: OwnedAccount = { id: accountId, owner_id: row.owner_id, backup_owner_id: row.backup_owner_id };
    const page = toPage(
      entries.map((e) => unpack(e, accountId, timestamp)),
      limit,
      (r) => ({ v: r.occurred_at, id: r.id }),
    );
    return { ...page, account };
  }
}

/** The page statement for a shape (see HistoryRepository.page). */
function pageSql(db: Database, shape: PageShape, v: PageValues) {
  const dialect = dialectOf(db);
  const actor: Actor = { id: v.actorId, role: shape.role, accountId: v.actorAccountId };
  const pos = shape.after ? { v: v.afterAt!, id: v.afterId! } : null;
  const branch = (table: 'interactions' | 'timeline_events') =>
    db
      .selectFrom(table)
      .where('account_id', '=', v.accountId)
      .$if(pos !== null, (q) => q.where((eb) => afterCursor(eb, 'occurred_at', 'id', 'desc', pos!)))
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(sql.lit(shape.rows));
  const kinds = shape.kinds ? (shape.kinds.split(',') as TimelineCategory[]) : TIMELINE_CATEGORIES;
  const eventKinds = eventKindsOf(kinds);
  const interactions = branch('interactions').select([
    sql.lit('interaction').as('entry_type'),
    'id',
    'occurred_at',
    sql<string | null>`null`.as('kind'),
    'author_id as actor_id',
    sql<string | null>`null`.as('data'),
    ...INTERACTION_COLUMNS,
  ]);
  const events = branch('timeline_events')
    .select([
      sql.lit('event').as('entry_type'),
      'id',
      'occurred_at',
      'kind',
      'actor_id',
      'data',
      ...INTERACTION_COLUMNS.map((c) => sql`cast(null as ${sql.raw(NULL_TYPES[c])})`.as(c)),
    ])
    // The event kinds are constants of the shape, written into the SQL; every kind needs no condition.
    .$if(eventKinds.length < TIMELINE_EVENT_KINDS.length, (q) =>
      q.where(
        'kind',
        'in',
        eventKinds.map((k) => sql.lit(k)),
      ),
    );
  // A kind of entry not asked for leaves its branch out of the statement, and its packing: a page
  // of events alone has no subquery of interactions for PostgreSQL to plan.
  const withInteractions = kinds.includes('conversations');
  const withEvents = eventKinds.length > 0;
  const branches = [
    ...(withInteractions ? [sql`select * from (${interactions}) as i`] : []),
    ...(withEvents ? [sql`select * from (${events}) as e`] : []),
  ];
  const readable = db
    .selectFrom('accounts')
    .select(sql.lit(1).as('one'))
    .where('accounts.id', '=', v.accountId)
    .where((eb) => accountScope(actor, eb));
  const owner = (column: 'owner_id' | 'backup_owner_id') =>
    db.selectFrom('accounts').select(`accounts.${column}`).where('accounts.id', '=', v.accountId);
  const columns = (names: readonly string[]) => names.map((c): Expression<unknown> => sql.ref(`t.${c}`));
  const contacts = dialect.jsonAgg(
    sql.ref('c.contact_id'),
    sql.ref('c.contact_id'),
    sql`from interaction_contacts as c where c.interaction_id = t.id`,
  );
  const interactionDetail = dialect.jsonArray([...columns(INTERACTION_DETAIL), contacts, nextStepOfInteraction(db, sql.ref('t.id'))]);
  const eventDetail = dialect.jsonArray(columns(EVENT_DETAIL));
  const detail = !withEvents
    ? interactionDetail
    : !withInteractions
      ? eventDetail
      : sql`case when t.entry_type = 'interaction' then ${interactionDetail} else ${eventDetail} end`;
  const entry = dialect.jsonArray([...columns(['entry_type', 'id', 'occurred_at']), detail]);
  return sql<PageRow>`
    select ${dialect.jsonGroupArray(entry, sql`t.occurred_at desc, t.id desc`)} as page,
      (${owner('owner_id')}) as owner_id, (${owner('backup_owner_id')}) as backup_owner_id
    from (
      ${sql.join(branches, sql` union all `)}
      order by occurred_at desc, id desc limit ${sql.lit(shape.rows)}
    ) as t
    where exists ${readable}`.compile(db);
}

/** The kinds as the shape holds them: each once, in a fixed order; empty for all of them. */
function kindsKey(kinds: readonly TimelineCategory[] | undefined): string {
  const asked = TIMELINE_CATEGORIES.filter((k) => !kinds || kinds.includes(k));
  return asked.length === TIMELINE_CATEGORIES.length ? '' : asked.join(',');
}

/** An entry with its packed columns spread out again (positions as in INTERACTION_DETAIL and EVENT_DETAIL). */
function unpack([entryType, id, at, detail]: PackedEntry, accountId: string, timestamp: (v: string) => string): TimelineRow {
  const occurredAt = timestamp(at);
  if (entryType === 'event') {
    const [kind, actorId, data] = detail as [TimelineEventKind, string | null, string];
    return { entry_type: 'event', id, occurred_at: occurredAt, kind, actor_id: actorId, data };
  }
  const [authorId, type, summary, outcome, dealId, projectId, version, createdAt, updatedAt, contactIds, nextStep] =
    detail as PackedInteraction;
  const interaction: InteractionRow = {
    id,
    account_id: accountId,
    occurred_at: occurredAt,
    author_id: authorId,
    type,
    summary,
    outcome,
    deal_id: dealId,
    project_id: projectId,
    version,
    created_at: timestamp(createdAt),
    updated_at: timestamp(updatedAt),
    search_text: '', // not read: the history never shows it
  };
  return {
    entry_type: 'interaction',
    id,
    occurred_at: occurredAt,
    interaction,
    contact_ids: contactIds,
    next_step: nextStep,
  };
}
