import Fastify, { type FastifyInstance } from 'fastify';
import { decodeCursor, toPage, type CursorPosition } from '../server/lib/pagination.js';
import { likePattern } from '../server/lib/text.js';
import type { Query, Runner } from './runner.js';

/** Query string of both list endpoints, as the baseline reads it: no validation. */
export interface PageParams {
  limit?: string;
  cursor?: string;
  q?: string;
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

/** One newest-first branch of the timeline, seeking its (account_id, occurred_at, id) index. */
function timelineBranch(columns: string, table: string, accountId: string, pos: CursorPosition | null, limit: number): Query {
  const after = pos ? ' and (occurred_at, id) < (?, ?)' : '';
  return {
    sql: `select ${columns} from ${table} where account_id = ?${after} order by occurred_at desc, id desc limit ?`,
    params: [accountId, ...(pos ? [pos.v, pos.id] : []), limit],
  };
}

/** The merged timeline page: the UNION ALL TimelineRepository.page issues. */
export function timelineQuery(accountId: string, p: PageParams): Query {
  const pos = decodeCursor(p.cursor);
  const n = limitOf(p) + 1;
  const i = timelineBranch(
    `'interaction' as entry_type, id, occurred_at, null as kind, author_id as actor_id, null as data`,
    'interactions',
    accountId,
    pos,
    n,
  );
  const e = timelineBranch(`'event' as entry_type, id, occurred_at, kind, actor_id, data`, 'timeline_events', accountId, pos, n);
  return {
    sql: `select * from (select * from (${i.sql}) as i union all select * from (${e.sql}) as e) as t order by occurred_at desc, id desc limit ?`,
    params: [...i.params, ...e.params, n],
  };
}

type Req = { Querystring: PageParams; Params: { id: string } };

/** Bare Fastify: each route runs its single query and returns the rows as JSON, nothing else. */
export function buildBaseline(runner: Runner, managerId: string): FastifyInstance {
  const app = Fastify({ logger: false });
  const page = async (q: Query, p: PageParams, key: string) => {
    const rows = await runner.all(q);
    return toPage(rows, limitOf(p), (r) => ({ v: r[key] as string, id: r.id as string }));
  };
  app.get<Req>('/api/v1/accounts', (req) => page(accountsQuery(managerId, req.query), req.query, 'name'));
  app.get<Req>('/api/v1/accounts/:id/timeline', (req) => page(timelineQuery(req.params.id, req.query), req.query, 'occurred_at'));
  return app;
}
