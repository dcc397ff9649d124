import Fastify, { type FastifyInstance } from 'fastify';
import { eventKindsOf, TIMELINE_CATEGORIES, type TimelineCategory } from '../common/enums.js';
import { decodeCursor, toPage, type CursorPosition } from '../server/lib/pagination.js';
import { likePattern } from '../server/lib/text.js';
import { BALANCE, OPEN } from './baseline-reports.js';
import type { Query, Runner } from './runner.js';

/** Query string of both list endpoints, as the baseline reads it: no validation. */
export interface PageParams {
  limit?: string;
  cursor?: string;
  q?: string;
  /** Timeline only: the kinds of entry kept, comma-separated. */
  kinds?: string;
}

const limitOf = (p: PageParams) => Number(p.limit ?? 50);

/** The accounts list of an account manager by name: the query AccountRepository.list issues. */
export function accountsQuery(managerId: string, p: PageParams): Query {
  const pos = decodeCursor(p.cursor);
  const where = ['(owner_id = ? or backup_owner_id = ?)'];
  const params: unknown[] = [managerId, managerId];
  if (p.q) {
    where.push(`search_text like ? escape '\\'`);
    params.push(likePattern(p.q));
  }
  if (pos) {
    where.push('(name, id) > (?, ?)');
    params.push(pos.v, pos.id);
  }
  params.push(limitOf(p) + 1);
  return { sql: `select * from accounts where ${where.join(' and ')} order by name asc, id asc limit ?`, params };
}

/**
 * The flags of a page of accounts (what each owes per currency, and the part past due), as
 * the billing module's flag source reads them: the page's ids bound as one parameter.
 */
export function accountFlagsQuery(ids: string[], today: string, postgres: boolean): Query {
  const isIn = postgres ? 'invoices.account_id in (select unnest(?::text[]))' : 'invoices.account_id in (select value from json_each(?))';
  const late = 'invoices.due_date < ?';
  return {
    sql: `select invoices.account_id, invoices.currency, sum(${BALANCE}) as owed,
        coalesce(sum(case when ${late} then ${BALANCE} end), 0) as overdue, count(case when ${late} then 1 end) as overdue_count,
        min(case when ${late} then invoices.due_date end) as oldest_overdue
      from invoices where ${isIn} and ${OPEN} group by invoices.account_id, invoices.currency`,
    params: [today, today, today, postgres ? ids : JSON.stringify(ids)],
  };
}

/** One newest-first branch of the timeline, seeking its (account_id, occurred_at, id) index; `only` filters it further. */
function timelineBranch(columns: string, table: string, accountId: string, pos: CursorPosition | null, limit: number, only = ''): Query {
  const after = pos ? ' and (occurred_at, id) < (?, ?)' : '';
  return {
    sql: `select ${columns} from ${table} where account_id = ?${after}${only} order by occurred_at desc, id desc limit ${limit}`,
    params: [accountId, ...(pos ? [pos.v, pos.id] : [])],
  };
}

/** The interaction's columns a timeline entry shows. */
const INTERACTION_COLUMNS = ['type', 'summary', 'outcome', 'deal_id', 'project_id', 'version', 'created_at', 'updated_at'];
/** The same in an event's branch: nulls of their types, as PostgreSQL's UNION matches types. */
const NO_INTERACTION = [
  'cast(null as text) as type, cast(null as text) as summary, cast(null as text) as outcome, cast(null as text) as deal_id',
  'cast(null as text) as project_id, cast(null as integer) as version, cast(null as timestamptz) as created_at',
  'cast(null as timestamptz) as updated_at',
].join(', ');

/** The JSON functions the timeline query packs an entry with, per database. */
const jsonOf = (postgres: boolean) =>
  postgres
    ? {
        array: 'json_build_array',
        list: (value: string, fromWhere: string) => `(select coalesce(json_agg(${value} order by ${value}), '[]'::json) ${fromWhere})`,
        row: (value: string, fromWhere: string) => `(select ${value} ${fromWhere})`,
      }
    : {
        array: 'json_array',
        list: (value: string, fromWhere: string) => `json((select json_group_array(${value} order by ${value}) ${fromWhere}))`,
        row: (value: string, fromWhere: string) => `json((select ${value} ${fromWhere}))`,
      };

/**
 * The merged timeline page of the asked kinds of entry, with what the app answers about each
 * interaction: its columns, its contact ids and the next step agreed in it, packed into one
 * JSON column per entry (the app packs the same values, into one document for the page). The
 * page sizes are written into the SQL, as the app writes them (SQLite plans a literal LIMIT better).
 */
export function timelineQuery(accountId: string, p: PageParams, postgres: boolean): Query {
  const pos = decodeCursor(p.cursor);
  const n = limitOf(p) + 1;
  const kinds = (p.kinds?.split(',') ?? TIMELINE_CATEGORIES) as TimelineCategory[];
  const eventKinds = eventKindsOf(kinds);
  const only = p.kinds ? ` and kind in (${eventKinds.map((k) => `'${k}'`).join(', ')})` : '';
  const i = timelineBranch(
    `'interaction' as entry_type, id, occurred_at, null as kind, author_id as actor_id, null as data, ${INTERACTION_COLUMNS.join(', ')}`,
    'interactions',
    accountId,
    pos,
    n,
  );
  const e = timelineBranch(
    `'event' as entry_type, id, occurred_at, kind, actor_id, data, ${NO_INTERACTION}`,
    'timeline_events',
    accountId,
    pos,
    n,
    only,
  );
  const withInteractions = kinds.includes('conversations');
  const branches = [...(withInteractions ? [i] : []), ...(eventKinds.length ? [e] : [])];
  const json = jsonOf(postgres);
  const contacts = json.list('c.contact_id', 'from interaction_contacts as c where c.interaction_id = t.id');
  const step = json.row(
    `${json.array}(s.id, s.text, s.due_date, s.owner_id, s.done_at, s.version)`,
    'from next_steps as s where s.interaction_id = t.id',
  );
  const interaction = `${json.array}(${['actor_id', ...INTERACTION_COLUMNS].map((c) => `t.${c}`).join(', ')}, ${contacts}, ${step})`;
  const event = `${json.array}(t.kind, t.actor_id, t.data)`;
  // Only the kinds of entry the page can hold are packed, as the app packs them.
  const detail = !eventKinds.length
    ? interaction
    : !withInteractions
      ? event
      : `case when t.entry_type = 'interaction' then ${interaction} else ${event} end`;
  return {
    sql: `select t.entry_type, t.id, t.occurred_at, ${detail} as detail
      from (${branches.map((b, k) => `select * from (${b.sql}) as b${k}`).join(' union all ')} order by occurred_at desc, id desc limit ${n}) as t
      order by t.occurred_at desc, t.id desc`,
    params: branches.flatMap((b) => b.params),
  };
}

type Req = { Querystring: PageParams; Params: { id: string } };

/**
 * Bare Fastify: each route runs its query and returns the rows as JSON, nothing else; the
 * accounts list also runs the statement of its page's flags, as the app does.
 */
export function buildBaseline(runner: Runner, managerId: string, today: string, postgres: boolean): FastifyInstance {
  const app = Fastify({ logger: false });
  const page = async (q: Query, p: PageParams, key: string) => {
    const rows = await runner.all(q);
    return toPage(rows, limitOf(p), (r) => ({ v: r[key] as string, id: r.id as string }));
  };
  app.get<Req>('/api/v1/accounts', async (req) => {
    const list = await page(accountsQuery(managerId, req.query), req.query, 'name');
    const ids = list.items.map((a) => a.id as string);
    return { ...list, owed: ids.length ? await runner.all(accountFlagsQuery(ids, today, postgres)) : [] };
  });
  app.get<Req>('/api/v1/accounts/:id/timeline', (req) => page(timelineQuery(req.params.id, req.query, postgres), req.query, 'occurred_at'));
  return app;
}
