import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Interaction, InteractionCreate } from '../../common/schemas/interaction.js';
import { countRows, type Caller, type TestApp } from './harness.js';

/** A 2 x 2 PNG: the smallest image an upload (a logo, a photo) accepts. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

/** A JPEG's start and frame header (3 x 2 pixels): all an upload checks read. */
export const TINY_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x02, 0x00, 0x03, 0x03, ...Array(16).fill(0)]);

/** Asserts an RFC 9457 answer with this status and a readable detail; returns its body. */
export function expectProblem(res: LightMyRequestResponse, status: number, field?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body.status).toBe(status);
  expect(typeof body.detail).toBe('string');
  expect(body.detail.length).toBeGreaterThan(0);
  if (field) expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
  return body;
}

const WRITTEN_TABLES = [
  'accounts',
  'contacts',
  'interactions',
  'users',
  'audit_log',
  'timeline_events',
  'deals',
  'deal_stage_changes',
  'services',
  'service_prices',
  'service_milestones',
  'service_tasks',
  'claims',
  'claim_links',
  'claim_breaches',
  'corrective_actions',
  'corrective_action_claims',
  'objections',
  'surveys',
  'proposals',
  'proposal_versions',
  'proposal_lines',
  'loyalty_tiers',
  'loyalty_referrals',
] as const;

/** Row counts of every table a request of ours could write. */
export async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of WRITTEN_TABLES) counts[table] = await countRows(t, table);
  return counts;
}

/** Runs the request and asserts it added or removed no row anywhere, audit log included. */
export async function expectNoWrite(t: TestApp, request: () => Promise<LightMyRequestResponse>) {
  const before = await rowCounts(t);
  const res = await request();
  expect(await rowCounts(t)).toEqual(before);
  return res;
}

let logged = 0;

/** Logs an interaction through the API and returns it. */
export async function createInteraction(by: Caller, accountId: string, input: Partial<InteractionCreate> = {}): Promise<Interaction> {
  logged += 1;
  const res = await by.post('/api/v1/interactions', {
    accountId,
    type: 'call',
    occurredAt: '2026-03-01T10:00:00.000Z',
    summary: `Call ${logged}`,
    ...input,
  });
  if (res.statusCode !== 201) throw new Error(`log interaction failed: ${res.body}`);
  return res.json();
}

/**
 * Follows `nextCursor` to the end, calling `between` after each page (to change data
 * mid-walk), and returns every item in the order served.
 */
export async function fetchAllPages<T = { id: string }>(by: Caller, url: string, between?: (page: number) => Promise<void>): Promise<T[]> {
  const items: T[] = [];
  const sep = url.includes('?') ? '&' : '?';
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const res = await by.get(cursor ? `${url}${sep}cursor=${encodeURIComponent(cursor)}` : url);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    items.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return items;
    if (between) await between(page);
  }
  throw new Error(`pagination of ${url} did not end`);
}

/** Audit entries as an admin sees them, newest first, for a query such as `recordId=…`. */
export async function auditEntries(t: TestApp, query: string) {
  const res = await t.admin.get(`/api/v1/audit-log?limit=200&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Array<{
    actorId: string | null;
    action: string;
    recordType: string;
    recordId: string;
    recordLabel: string | null;
    context: { currency?: string; accountId?: string; projectId?: string };
    changes: Record<string, { before: unknown; after: unknown }>;
  }>;
}
