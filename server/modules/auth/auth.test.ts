import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type TestApp } from '../../test/harness.js';
import { LOGIN_LIMITS } from './auth.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie']).split(';')[0];

describe('sign-in and sessions', () => {
  it('signs in with the right password, sets an HttpOnly SameSite cookie and answers me', async () => {
    const manager = await t.signIn('account_manager');
    const res = await t.login(manager.user.email);
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookieOf(res) } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(manager.user.email);
    expect(me.json().user).not.toHaveProperty('password');
  });

  it('refuses a wrong password and an unknown email alike with 401 problem+json', async () => {
    const manager = await t.signIn('account_manager');
    const wrong = await t.login(manager.user.email, 'Wrong-Password-123');
    const unknown = await t.login('nobody@example.test', 'Wrong-Password-123');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('without a session, me answers 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(res.statusCode).toBe(401);
  });

  it('logout ends the session on the server', async () => {
    const c = await t.signIn('finance');
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('rotates the session id at sign-in: the previous cookie stops working', async () => {
    const c = await t.signIn('account_manager');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: c.cookie },
      payload: { email: c.user.email, password: PASSWORD },
    });
    expect(again.statusCode).toBe(200);
    expect(cookieOf(again)).not.toBe(c.cookie);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
    const fresh = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookieOf(again) } });
    expect(fresh.statusCode).toBe(200);
  });

  it('expires a session that is not used within its lifetime', async () => {
    const c = await t.signIn('account_manager');
    t.clock.advance(8 * 24 * 3600_000);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('keeps an active session alive by extending it past half its life', async () => {
    const c = await t.signIn('account_manager');
    t.clock.advance(5 * 24 * 3600_000);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    t.clock.advance(5 * 24 * 3600_000);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('ends the sessions of a user who is deactivated', async () => {
    const c = await t.signIn('specialist');
    const admin = await t.signIn('admin'); // earlier tests moved the clock past the first admin's session
    const res = await admin.patch(`/api/v1/users/${c.user.id}`, { active: false });
    expect(res.statusCode).toBe(200);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await t.login(c.user.email)).statusCode).toBe(401);
  });
});

describe('login rate limit', () => {
  it('answers 429 with Retry-After after too many failures for one account from one address, even with the right password', async () => {
    const c = await t.signIn('account_manager');
    for (let i = 0; i < LOGIN_LIMITS.perAccountFromAddress; i++) {
      expect((await t.login(c.user.email, 'Wrong-Password-123')).statusCode).toBe(401);
    }
    const limited = await t.login(c.user.email);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(16 * 60_000);
    expect((await t.login(c.user.email)).statusCode).toBe(200);
  });

  it('limits one address across many accounts', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    let last = 0;
    for (let i = 0; i <= LOGIN_LIMITS.perAddress; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '203.0.113.9',
        headers,
        payload: { email: `guess${i}@example.test`, password: 'Wrong-Password-123' },
      });
      last = res.statusCode;
    }
    expect(last).toBe(429);
    t.clock.advance(16 * 60_000);
  });
});

describe('cross-site request forgery', () => {
  it('refuses a cookie-authenticated write with a foreign Origin and writes nothing', async () => {
    const c = await t.signIn('account_manager');
    const res = await c.post('/api/v1/accounts', { name: 'Forged' }, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    const list = await c.get('/api/v1/accounts?q=Forged');
    expect(list.json().items).toHaveLength(0);
  });

  it('refuses a write the browser marks cross-site', async () => {
    const c = await t.signIn('account_manager');
    const res = await c.post('/api/v1/accounts', { name: 'Forged' }, { 'sec-fetch-site': 'cross-site' });
    expect(res.statusCode).toBe(403);
  });

  it('accepts a write from the same origin', async () => {
    const c = await t.signIn('account_manager');
    const res = await c.post('/api/v1/accounts', { name: 'Same site' }, { origin: 'http://liaison.test:3000', host: 'liaison.test:3000' });
    expect(res.statusCode).toBe(201);
  });

  it('refuses form and text bodies with 415, which browsers could send cross-site without a preflight', async () => {
    const c = await t.signIn('account_manager');
    const form = await c.request('POST', '/api/v1/accounts', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    const text = await c.request('POST', '/api/v1/accounts', '{"name":"x"}', { 'content-type': 'text/plain' });
    expect(form.statusCode).toBe(415);
    expect(text.statusCode).toBe(415);
  });
});

describe('personal API tokens', () => {
  it('creates a token shown once, authenticates with Bearer, lists without the secret, and revokes', async () => {
    const c = await t.signIn('account_manager');
    const created = await c.post('/api/v1/tokens', { name: 'Reporting script' });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^lia_/);

    const bearer = { authorization: `Bearer ${token}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer });
    expect(me.json().user.id).toBe(c.user.id);
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { ...bearer, origin: 'https://integration.example' },
      payload: { name: 'Via token' },
    });
    expect(write.statusCode).toBe(201);

    const list = await c.get('/api/v1/tokens');
    expect(list.json().items).toHaveLength(1);
    expect(JSON.stringify(list.json())).not.toContain(token);
    const stored = await t.database.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token.slice(4));

    expect((await c.delete(`/api/v1/tokens/${id}`)).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer });
    expect(after.statusCode).toBe(401);
  });

  it('cannot revoke another user’s token', async () => {
    const a = await t.signIn('account_manager');
    const b = await t.signIn('account_manager');
    const { id } = (await a.post('/api/v1/tokens', { name: 'mine' })).json();
    expect((await b.delete(`/api/v1/tokens/${id}`)).statusCode).toBe(404);
  });

  it('rejects an unknown bearer token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Bearer lia_nope' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('refuses short and common passwords with field errors', async () => {
    for (const password of ['short1!', 'password123', 'qwertyuiop']) {
      const res = await (
        await t.signIn('admin')
      ).post('/api/v1/users', { email: `p${password.length}x@example.test`, name: 'P', role: 'finance', password });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('password');
    }
  });

  it('stores an argon2id hash, never the password', async () => {
    const c = await t.signIn('finance');
    const row = await t.database.db.selectFrom('users').select('password_hash').where('id', '=', c.user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe('housekeeping', () => {
  it('the hourly job deletes expired sessions and old login failures', async () => {
    const c = await t.signIn('finance');
    await t.login(c.user.email, 'Wrong-Password-123');
    t.clock.advance(30 * 24 * 3600_000);
    const ran = await t.app.services.jobs.runDue();
    expect(ran.find((r) => r.name === 'auth.purge_expired')?.outcome.status).toBe('done');
    const sessions = await t.database.db.selectFrom('sessions').select('id').where('user_id', '=', c.user.id).execute();
    const failures = await t.database.db.selectFrom('login_failures').select('id').where('key', '=', `account:${c.user.email}`).execute();
    expect(sessions).toHaveLength(0);
    expect(failures).toHaveLength(0);
  });
});
