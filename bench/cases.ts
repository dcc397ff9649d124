import { accountFlagsQuery, accountsQuery, timelineQuery, type PageParams } from './baseline.js';
import { compare, cursorAt, type CpuReading } from './measure.js';
import type { Query } from './runner.js';
import type { Seeded } from './seed.js';

/** One measured request: the same path and query string go to the app and to the baseline. */
export interface Case {
  name: string;
  path: string;
  /** The baseline's SQL for this request, for its query plan. */
  query: Query;
  /** Every statement the baseline runs, when there are several (the plans print them all). */
  queries?: Query[];
  /** The app's auth for this request, when not the manager's. */
  headers?: Record<string, string>;
  /** For reports: compares both answers by counts and totals rather than by item ids. */
  check?: (app: unknown, base: unknown) => { same: boolean; count: number; note?: string };
}

const LIMIT = '50';
export const ACCOUNTS_DEPTH = 1_500;
export const TIMELINE_DEPTH = 4_000;

const withQuery = (path: string, p: PageParams) => `${path}?${new URLSearchParams({ ...p })}`;

/**
 * The six requests, with deep cursors found by walking the app's own pages as a client would.
 * An accounts page is two statements on both sides: the list, then its accounts' flags.
 */
export async function buildCases(appUrl: string, s: Seeded, headers: Record<string, string>, postgres: boolean): Promise<Case[]> {
  const accounts = '/api/v1/accounts';
  const timeline = `/api/v1/accounts/${s.hotAccountId}/timeline`;
  const first: PageParams = { limit: LIMIT };
  const deepAccounts: PageParams = { limit: LIMIT, cursor: await cursorAt(appUrl + withQuery(accounts, first), headers, ACCOUNTS_DEPTH) };
  const deepTimeline: PageParams = { limit: LIMIT, cursor: await cursorAt(appUrl + withQuery(timeline, first), headers, TIMELINE_DEPTH) };
  // Any full page's ids show the flags statement's plan.
  const pageIds = ((await (await fetch(appUrl + withQuery(accounts, first), { headers })).json()) as { items: { id: string }[] }).items;
  const flags = accountFlagsQuery(
    pageIds.map((a) => a.id),
    s.today,
    postgres,
  );
  const acc = (name: string, p: PageParams): Case => {
    const list = accountsQuery(s.managerId, p);
    return { name, path: withQuery(accounts, p), query: list, queries: [list, flags] };
  };
  const tl = (name: string, p: PageParams): Case => ({
    name,
    path: withQuery(timeline, p),
    query: timelineQuery(s.hotAccountId, p, postgres),
  });
  return [
    acc('accounts, first page', first),
    acc(`accounts, ${ACCOUNTS_DEPTH} deep`, deepAccounts),
    tl('timeline (hot), first page', first),
    tl(`timeline (hot), ${TIMELINE_DEPTH} deep`, deepTimeline),
    acc('search q=north', { limit: LIMIT, q: 'north' }),
    acc('search q=ёлк', { limit: LIMIT, q: 'ёлк' }),
    tl('timeline (hot), money only', { limit: LIMIT, kinds: 'money' }),
    tl('timeline (hot), conversations and delivery', { limit: LIMIT, kinds: 'conversations,delivery' }),
  ];
}

/** Ids of the first page each server answers, to show both run the same query. */
export async function sameRows(appUrl: string, baseUrl: string, c: Case, headers: Record<string, string>) {
  if (c.check) {
    const body = async (url: string, h: Record<string, string>): Promise<unknown> => (await fetch(url + c.path, { headers: h })).json();
    const [a, b] = await Promise.all([body(appUrl, headers), body(baseUrl, {})]);
    return c.check(a, b);
  }
  const ids = async (url: string, h: Record<string, string>) => {
    const body = (await (await fetch(url + c.path, { headers: h })).json()) as { items: { id: string }[] };
    return body.items.map((i) => i.id).join(',');
  };
  const [a, b] = await Promise.all([ids(appUrl, headers), ids(baseUrl, {})]);
  return { same: a === b, count: a ? a.split(',').length : 0 };
}

/**
 * One case on both servers: whether they answer the same rows, then each measured in alternating
 * slices; the app with the case's own auth (the manager's unless it says), the baseline with none.
 */
export async function measureCase(c: Case, urls: { app: string; base: string }, auth: Record<string, string>, cpu: CpuReading) {
  const headers = c.headers ?? auth;
  const check = await sameRows(urls.app, urls.base, c, headers);
  const [app, base] = await compare(
    [
      { url: urls.app + c.path, headers },
      { url: urls.base + c.path, headers: {} },
    ],
    cpu,
  );
  return { c, check, app, base };
}
