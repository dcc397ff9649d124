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
    sql: `select ${columns} from ${table} where account_id = ?${after}${only} order by occurred_at desc, id desc limit ?`,
    params: [accountId, ...(pos ? [pos.v, pos.id] : []), limit],
  };
}

/** The merged timeline page: the UNION ALL TimelineRepository.page issues, of the asked kinds of entry. */
export function timelineQuery(accountId: string, p: PageParams): Query {
  const pos = decodeCursor(p.cursor);
  const n = limitOf(p) + 1;
  const kinds = (p.kinds?.split(',') ?? TIMELINE_CATEGORIES) as TimelineCategory[];
  const eventKinds = eventKindsOf(kinds);
  const only = p.kinds ? ` and kind in (${eventKinds.map((k) => `'${k}'`).join(', ')})` : '';
  const i = timelineBranch(
    `'interaction' as entry_type, id, occurred_at, null as kind, author_id as actor_id, null as data`,
    'interactions',
    accountId,
    pos,
    n,
  );
  const e = timelineBranch(`'event' as entry_type, id, occurred_at, kind, actor_id, data`, 'timeline_events', accountId, pos, n, only);
  const branches = [...(kinds.includes('conversations') ? [i] : []), ...(eventKinds.length ? [e] : [])];
  return {
    sql: `select * from (${branches.map((b, k) => `select * from (${b.sql}) as b${k}`).join(' union all ')}) as t order by occurred_at desc, id desc limit ?`,
    params: [...branches.flatMap((b) => b.params), n],
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
  app.get<Req>('/api/v1/accounts/:id/timeline', (req) => page(timelineQuery(req.params.id, req.query), req.query, 'occurred_at'));
  return app;
}
