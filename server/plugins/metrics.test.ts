import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';

const TOKEN = 'scrape-secret-0123456789';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-02T09:00:00.000Z', metrics: { token: TOKEN, allow: '10.0.0.0/8' } });
});
afterAll(() => t.close());

const scrape = () => t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of the text format (label values here never hold quotes or commas). */
function samples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const m = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line)!;
      const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
      return { name: m[1], labels, value: Number(m[3]) };
    });
}

/** The value of the one sample of `name` whose labels include `labels`; undefined when there is none. */
async function sample(name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  const res = await scrape();
  expect(res.statusCode).toBe(200);
  const found = samples(res.body).filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0]?.value;
}

describe('GET /metrics', () => {
  it('answers 404, like an unknown address, to callers without the token from outside the allowed networks', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(plain.statusCode).toBe(404);
    const wrong = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}-not` } });
    expect(wrong.statusCode).toBe(404);
    // TRUST_PROXY is off here: a forwarded address is not believed.
    const forwarded = await t.app.inject({ method: 'GET', url: '/metrics', headers: { 'x-forwarded-for': '10.1.2.3' } });
    expect(forwarded.statusCode).toBe(404);
    expect(plain.body).not.toContain('liaison_');
  });

  it('answers the Prometheus text format with the token, or from an allowed network without it', async () => {
    const res = await scrape();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.body).toContain('# TYPE liaison_http_request_duration_seconds histogram');
    expect(res.body).toContain('process_cpu_user_seconds_total');
    const fromNetwork = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.9.8.7' });
    expect(fromNetwork.statusCode).toBe(200);
  });

  it('counts requests by route template, method and status, never by the raw address', async () => {
    const account = await t.createAccount(t.admin);
    const missing = '00000000-0000-4000-8000-000000000000';
    const route = '/api/v1/accounts/:id';
    const before = (await sample('liaison_http_request_duration_seconds_count', { route, method: 'GET', status: '200' })) ?? 0;
    for (let i = 0; i < 3; i += 1) expect((await t.admin.get(`/api/v1/accounts/${account.id}`)).statusCode).toBe(200);
    expect((await t.admin.get(`/api/v1/accounts/${missing}`)).statusCode).toBe(404);

    const text = (await scrape()).body;
    expect(text).not.toContain(account.id);
    expect(text).not.toContain(missing);
    expect(await sample('liaison_http_request_duration_seconds_count', { route, method: 'GET', status: '200' })).toBe(before + 3);
    expect(await sample('liaison_http_request_duration_seconds_count', { route, method: 'GET', status: '404' })).toBe(1);
    expect(await sample('liaison_http_request_duration_seconds_bucket', { route, method: 'GET', status: '200', le: '+Inf' })).toBe(
      before + 3,
    );
    // The creation itself, and an address no route matches, under a fixed label.
    expect(await sample('liaison_http_request_duration_seconds_count', { route: '/api/v1/accounts', method: 'POST', status: '201' })).toBe(
      1,
    );
    await t.app.inject({ method: 'GET', url: '/no/such/page' });
    expect(await sample('liaison_http_request_duration_seconds_count', { route: 'unmatched', status: '404' })).toBeGreaterThanOrEqual(1);
  });

  it('measures database queries, and the pool on PostgreSQL only', async () => {
    expect(await sample('liaison_db_query_duration_seconds_count', { operation: 'select', outcome: 'ok' })).toBeGreaterThan(0);
    expect(await sample('liaison_db_query_duration_seconds_count', { operation: 'insert', outcome: 'ok' })).toBeGreaterThan(0);
    const pool = await sample('liaison_db_pool_connections');
    if (t.database.dialect === 'postgres') {
      expect(pool).toBeGreaterThan(0);
      expect(await sample('liaison_db_pool_waiting_requests')).toBe(0);
    } else expect(pool).toBeUndefined();
  });

  it('counts job runs and failures by job, and when each job last succeeded', async () => {
    const known = t.app.services.jobs.definitions()[0].name;
    let fail = true;
    t.app.services.jobs.register({
      name: 'test.flaky',
      dueKey: async () => null,
      run: async () => {
        if (fail) throw new Error('mail server down');
        return {};
      },
      retryDelayMs: 60_000,
    });
    const failed = { job: 'test.flaky', status: 'failed' };
    expect(await sample('liaison_job_runs_total', failed)).toBeUndefined();
    expect((await t.app.services.jobs.run('test.flaky', '2026-03-02')).status).toBe('failed');
    expect(await sample('liaison_job_runs_total', failed)).toBe(1);
    expect(await sample('liaison_job_last_success_timestamp_seconds', { job: 'test.flaky' })).toBe(0);

    fail = false;
    t.clock.advance(61_000);
    expect((await t.app.services.jobs.run('test.flaky', '2026-03-02')).status).toBe('done');
    expect(await sample('liaison_job_runs_total', { job: 'test.flaky', status: 'done' })).toBe(1);
    expect(await sample('liaison_job_runs_total', failed)).toBe(1);
    expect(await sample('liaison_job_last_success_timestamp_seconds', { job: 'test.flaky' })).toBe(t.clock.now().getTime() / 1000);
    // Jobs known at start are there at 0 before their first run.
    expect(await sample('liaison_job_runs_total', { job: known, status: 'failed' })).toBe(0);
  });

  it('counts refused sign-ins', async () => {
    const step = { step: 'password' };
    const before = await sample('liaison_sign_in_failures_total', step);
    expect(before).toBe(0);
    expect((await t.login(t.admin.user.email, 'not-the-password')).statusCode).toBe(401);
    expect((await t.login('nobody@example.test', 'whatever-it-is')).statusCode).toBe(401);
    expect(await sample('liaison_sign_in_failures_total', step)).toBe(2);
    expect(await sample('liaison_sign_in_failures_total', { step: 'second_factor' })).toBe(0);
  });

  it('reports the email queue depth and how long its oldest email has waited', async () => {
    expect(await sample('liaison_queue_depth', { queue: 'email' })).toBe(0);
    expect(await sample('liaison_queue_oldest_age_seconds', { queue: 'email' })).toBe(0);
    const email = { accountId: null, purpose: 'test', subject: 'Hello', text: 'Hello', html: '<p>Hello</p>' } as const;
    await t.database.db.transaction().execute((trx) => t.app.services.outbox.enqueueOne(trx, { ...email, to: 'a@client.test' }));
    t.clock.advance(10 * 60_000);
    await t.database.db.transaction().execute((trx) => t.app.services.outbox.enqueueOne(trx, { ...email, to: 'b@client.test' }));
    t.clock.advance(5 * 60_000);
    expect(await sample('liaison_queue_depth', { queue: 'email' })).toBe(2);
    expect(await sample('liaison_queue_oldest_age_seconds', { queue: 'email' })).toBe(15 * 60);
  });

  it('exposes every metric the documented alerts and table name', async () => {
    const exposed = new Set(samples((await scrape()).body).map((s) => s.name.replace(/_(bucket|count|sum)$/, '')));
    const documented = new Set(fs.readFileSync(new URL('../../docs/alerts.md', import.meta.url), 'utf8').match(/\bliaison_\w+(?![\w*])/g));
    const missing = [...documented]
      .map((name) => name.replace(/_(bucket|count|sum)$/, ''))
      .filter((name) => !exposed.has(name) && !(t.database.dialect === 'sqlite' && name.startsWith('liaison_db_pool_')));
    expect(documented.size).toBeGreaterThan(8);
    expect(missing).toEqual([]);
  });
});
