import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp } from '../test/harness.js';

// PostgreSQL cannot store U+0000; every route refuses it the same way, on both databases.
const NUL = '\u0000';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function expectNulRefused(res: { statusCode: number; headers: Record<string, unknown>; json(): any }, fields: string[]) {
  expect(res.statusCode).toBe(400);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body.code).toBe(fields.length === 1 ? 'validation.nul_character' : 'validation.failed');
  expect(body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
  expect(body.errors.map((e: { code: string }) => e.code)).toEqual(fields.map(() => 'validation.nul_character'));
  expect(body.errors[0].message).toMatch(/NUL/);
}

describe('NUL characters', () => {
  it('refuses a NUL in a body field, names the field and writes nothing', async () => {
    const before = await countRows(t, 'audit_log');
    expectNulRefused(await t.admin.post('/api/v1/accounts', { name: `Evil${NUL}Co` }), ['name']);
    expect(await countRows(t, 'accounts')).toBe(0);
    expect(await countRows(t, 'audit_log')).toBe(before);
  });

  it('finds a NUL deep in arrays and nested fields, and in keys', async () => {
    const account = await t.createAccount(t.admin, { name: 'Clean Co' });
    const events = await countRows(t, 'timeline_events');
    const res = await t.admin.post('/api/v1/interactions', {
      accountId: account.id,
      type: 'call',
      occurredAt: '2026-03-01T10:00:00Z',
      summary: `Called${NUL}`,
      contactIds: [account.id, `${account.id}${NUL}`],
    });
    expectNulRefused(res, ['contactIds.1', 'summary']);
    expect(await countRows(t, 'interactions')).toBe(0);
    expect(await countRows(t, 'timeline_events')).toBe(events);

    expectNulRefused(await t.admin.post('/api/v1/accounts', { name: 'Keyed Co', [`x${NUL}`]: 1 }), ['x\\u0000']);
  });

  it('refuses a NUL in an update and leaves the record as it was', async () => {
    const account = await t.createAccount(t.admin, { name: 'Stays Co' });
    const res = await t.admin.patch(`/api/v1/accounts/${account.id}`, { name: `Changed${NUL}` }, { 'if-match': `"${account.version}"` });
    expectNulRefused(res, ['name']);
    const after = (await t.admin.get(`/api/v1/accounts/${account.id}`)).json();
    expect(after).toMatchObject({ name: 'Stays Co', version: account.version });
  });

  it('refuses a NUL in the query string and in path parameters', async () => {
    expectNulRefused(await t.admin.get('/api/v1/accounts?q=ab%00c'), ['q']);
    const account = await t.createAccount(t.admin, { name: 'Path Co' });
    expectNulRefused(await t.admin.get(`/api/v1/accounts/${account.id}%00`), ['id']);
    expectNulRefused(await t.admin.get(`/api/v1/accounts/${account.id}/timeline?q=%00`), ['q']);
  });

  it('answers a deeply nested body with 400, not a crash', async () => {
    const depth = 100_000;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { cookie: t.admin.cookie, 'content-type': 'application/json' },
      payload: `{"name":${'['.repeat(depth)}"x${'\\u0000'}"${']'.repeat(depth)}}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toMatch(/^validation\.|^request\.malformed_json$/);
  });
});
