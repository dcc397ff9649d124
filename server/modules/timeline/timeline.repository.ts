import { sql, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.js';
import { dialectOf, parseJson } from '../../db/dialect.js';
import { QueryTemplate } from '../../db/query-template.js';
import { afterCursor, toPage, type CursorPosition } from '../../lib/pagination.js';
import type { Actor } from '../access/actor.js';
import { accountScope } from '../access/policy.js';
import type { InteractionRow } from '../interactions/interaction.presenter.js';

/** A merged row: an interaction as its own table row, with its contact ids, or a system event. */
export type TimelineRow =
  | { entry_type: 'interaction'; id: string; occurred_at: string; interaction: InteractionRow; contact_ids: string[] }
  | { entry_type: 'event'; id: string; occurred_at: string; kind: string; actor_id: string | null; data: string };

interface PageRow {
  entry_type: 'interaction' | 'event';
  id: string;
  occurred_at: string;
  /** The entry's other columns as one JSON array, in the order of INTERACTION_DETAIL or EVENT_DETAIL. */
  detail: string | unknown[];
}

/** Interaction columns packed into `detail`; the last element is the array of contact ids. */
const INTERACTION_DETAIL = [
  'author_id',
  'type',
  'summary',
  'outcome',
  'next_step',
  'next_step_due',
  'deal_id',
  'project_id',
  'version',
  'created_at',
  'updated_at',
] as const;
const EVENT_DETAIL = ['kind', 'actor_id', 'data'] as const;

/** What changes the page's SQL: the reader's role (their access condition) and whether a cursor is given. */
interface PageShape extends Record<string, string | boolean> {
  role: Actor['role'];
  client: boolean;
  after: boolean;
}

interface PageValues extends Record<string, unknown> {
  accountId: string;
  actorId: string;
  actorAccountId: string | null;
  /** The page size plus one, to tell whether there is a next page. */
  rows: number;
  afterAt: string | number | null;
  afterId: string | null;
}

export class TimelineRepository {
  private readonly pageQuery: QueryTemplate<PageShape, PageValues, PageRow>;

  constructor(private readonly db: Database) {
    this.pageQuery = new QueryTemplate(db, (shape, v) => this.pageSql(shape, v));
  }

  /**
   * One page of the merged timeline, in one statement, or no rows when the account does not
   * exist or the actor may not read it. Each branch reads only its (account_id, occurred_at,
   * id) index and stops at the page size; only the rows of the page are then read whole, with
   * their columns packed into one JSON value (far cheaper to read than twenty columns) and an
   * interaction's contact ids aggregated beside them.
   */
  async page(actor: Actor, accountId: string, limit: number, pos: CursorPosition | null) {
    const rows = await this.pageQuery.execute(
      { role: actor.role, client: actor.accountId !== null, after: pos !== null },
      {
        accountId,
        actorId: actor.id,
        actorAccountId: actor.accountId,
        rows: limit + 1,
        afterAt: pos?.v ?? null,
        afterId: pos?.id ?? null,
      },
    );
    const timestamp = dialectOf(this.db).jsonTimestamp;
    return toPage(
      rows.map((r) => unpack(r, accountId, timestamp)),
      limit,
      (r) => ({ v: r.occurred_at, id: r.id }),
    );
  }

  private pageSql(shape: PageShape, v: PageValues) {
    const dialect = dialectOf(this.db);
    const actor: Actor = { id: v.actorId, role: shape.role, accountId: v.actorAccountId };
    const pos = shape.after ? { v: v.afterAt!, id: v.afterId! } : null;
    const keys = (table: 'interactions' | 'timeline_events', entryType: TimelineRow['entry_type']) =>
      this.db
        .selectFrom(table)
        .select([sql.lit(entryType).as('entry_type'), 'id', 'occurred_at'])
        .where('account_id', '=', v.accountId)
        .$if(pos !== null, (q) => q.where((eb) => afterCursor(eb, 'occurred_at', 'id', 'desc', pos!)))
        .orderBy('occurred_at', 'desc')
        .orderBy('id', 'desc')
        .limit(v.rows);
    const readable = this.db
      .selectFrom('accounts')
      .select(sql.lit(1).as('one'))
      .where('accounts.id', '=', v.accountId)
      .where((eb) => accountScope(actor, eb));
    const ref = (table: 'i' | 'e', columns: readonly string[]) => columns.map((c): Expression<unknown> => sql.ref(`${table}.${c}`));
    const contacts = dialect.jsonAgg(
      sql.ref('c.contact_id'),
      sql.ref('c.contact_id'),
      sql`from interaction_contacts as c where c.interaction_id = t.id`,
    );
    const isInteraction = sql<SqlBool>`t.entry_type = 'interaction'`;
    return sql<PageRow>`
      select t.entry_type, t.id, t.occurred_at,
        case when ${isInteraction} then ${dialect.jsonArray([...ref('i', INTERACTION_DETAIL), contacts])}
          else ${dialect.jsonArray(ref('e', EVENT_DETAIL))} end as detail
      from (
        select * from (${keys('interactions', 'interaction')}) as ik
        union all
        select * from (${keys('timeline_events', 'event')}) as ek
        order by occurred_at desc, id desc limit ${v.rows}
      ) as t
      left join interactions as i on ${isInteraction} and i.id = t.id
      left join timeline_events as e on t.entry_type = 'event' and e.id = t.id
      where exists ${readable}
      order by t.occurred_at desc, t.id desc`.compile(this.db);
  }
}

/** The merged row with its packed columns spread out again (positions as in INTERACTION_DETAIL and EVENT_DETAIL). */
function unpack(r: PageRow, accountId: string, timestamp: (v: string) => string): TimelineRow {
  const d = parseJson<unknown[]>(r.detail) as never[];
  if (r.entry_type === 'event')
    return { entry_type: 'event', id: r.id, occurred_at: r.occurred_at, kind: d[0], actor_id: d[1], data: d[2] };
  const interaction: InteractionRow = {
    id: r.id,
    version: d[8],
    created_at: timestamp(d[9]),
    updated_at: timestamp(d[10]),
    account_id: accountId,
    type: d[1],
    occurred_at: r.occurred_at,
    summary: d[2],
    outcome: d[3],
    next_step: d[4],
    next_step_due: d[5],
    deal_id: d[6],
    project_id: d[7],
    author_id: d[0],
    search_text: '', // not read: the timeline never shows it
  };
  return { entry_type: 'interaction', id: r.id, occurred_at: r.occurred_at, interaction, contact_ids: d[11] };
}
