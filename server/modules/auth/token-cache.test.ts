import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller, TestApp } from '../../test/harness.js';
import { createTwoInstances, type TwoInstances } from '../../test/second-instance.js';
import { TOKEN_CACHE_MS } from './token-cache.js';

/**
 * Bearer tokens are trusted for a few seconds once resolved. Through the instance that made a
 * change, a revocation, a deactivation or a role change applies to the very next request;
 * through another instance on the same database, within TOKEN_CACHE_MS.
 */
let instances: TwoInstances;
let t: TestApp;
let second: FastifyInstance;

beforeAll(async () => {
  instances = await createTwoInstances();
  ({ t, second } = instances);
});
afterAll(() => instances.close());

async function tokenOf(c: Caller) {
  const res = await c.post('/api/v1/tokens', { name: 'script' });
  expect(res.statusCode, res.body).toBe(201);
  const { id, token } = res.json();
  return { id: id as string, headers: { authorization: `Bearer ${token}` } };
}

const me = (app: FastifyInstance, headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });

describe('API tokens resolved from the cache', () => {
  it('stop working at once on the instance that revokes them', async () => {
    const c = await t.signIn('account_manager');
    const { id, headers } = await tokenOf(c);
    expect((await me(t.app, headers)).statusCode).toBe(200);
    expect((await c.delete(`/api/v1/tokens/${id}`)).statusCode).toBe(204);
    expect((await me(t.app, headers)).statusCode).toBe(401);
  });

  it('stop working at once when their user is deactivated, and carry a new role at once', async () => {
    const c = await t.signIn('account_manager');
    const { headers } = await tokenOf(c);
    const portfolio = () => t.app.inject({ method: 'GET', url: '/api/v1/reports/portfolio', headers });
    expect((await portfolio()).statusCode).toBe(200);
    const admin = await t.signIn('admin');
    expect((await admin.patch(`/api/v1/users/${c.user.id}`, { role: 'finance' })).statusCode).toBe(200);
    expect((await portfolio()).statusCode).toBe(403); // the portfolio is a manager's: the request acts as finance
    expect((await admin.patch(`/api/v1/users/${c.user.id}`, { active: false })).statusCode).toBe(200);
    expect((await me(t.app, headers)).statusCode).toBe(401);
  });

  it('stop working on another instance within the cache delay', async () => {
    const c = await t.signIn('account_manager');
    const { id, headers } = await tokenOf(c);
    expect((await me(second, headers)).statusCode).toBe(200);
    expect((await c.delete(`/api/v1/tokens/${id}`)).statusCode).toBe(204);
    // The other instance resolved the token a moment ago and still trusts it…
    expect((await me(second, headers)).statusCode).toBe(200);
    // …but no longer than the cache delay.
    t.clock.advance(TOKEN_CACHE_MS + 1);
    expect((await me(second, headers)).statusCode).toBe(401);
  });

  it('work at once on every instance when new, and an unknown token is never remembered as valid', async () => {
    const c = await t.signIn('account_manager');
    const bogus = { authorization: 'Bearer lia_not-a-token' };
    expect((await me(second, bogus)).statusCode).toBe(401);
    const { headers } = await tokenOf(c);
    expect((await me(second, headers)).statusCode).toBe(200);
    expect((await me(second, bogus)).statusCode).toBe(401);
  });
});
