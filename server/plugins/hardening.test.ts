import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { PASSWORD } from '../test/harness.js';

let database: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;
let logs = '';

beforeAll(async () => {
  database = await createTestDatabase();
  const stream = new PassThrough();
  stream.on('data', (d) => (logs += d));
  app = await buildApp({ db: database.db, dialect: database.dialect, logLevel: 'trace', logStream: stream, webDist: null });
  await app.ready();
  await app.services.users.create(null, { email: 'log@example.test', name: 'Log', role: 'admin', password: PASSWORD } as never);
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

describe('hardening', () => {
  it('sends security headers and a request id on every answer', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-request-id']).toMatch(/[0-9a-f-]{36}/);
  });

  it('never logs passwords, session cookies or API tokens', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'log@example.test', password: PASSWORD },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const created = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie }, payload: { name: 'x' } });
    const { token } = created.json();
    await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(logs).toContain('/api/v1/auth/me'); // requests are logged…
    expect(logs).not.toContain(PASSWORD); // …but never their secrets
    expect(logs).not.toContain(cookie.split('=')[1]);
    expect(logs).not.toContain(token);
  });

  it('answers an unexpected failure with a generic 500 problem and the request id, never the database’s message', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'log@example.test', password: PASSWORD },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    await sql`drop table interaction_contacts`.execute(database.db);
    const account = await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie }, payload: { name: 'Broken Co' } });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/interactions',
      headers: { cookie },
      payload: { accountId: account.json().id, type: 'call', occurredAt: '2026-03-01T10:00:00Z', summary: 'x', contactIds: [] },
    });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const body = res.json();
    expect(body.requestId).toBe(res.headers['x-request-id']);
    expect(res.body).not.toMatch(/interaction_contacts|no such table|does not exist|SQLITE|relation/i);
    // Nothing of the failed write stayed behind.
    const rows = await database.db.selectFrom('interactions').select('id').execute();
    expect(rows).toHaveLength(0);
  });

  it('documents the API as OpenAPI and serves the docs page', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/accounts', '/api/v1/accounts/{id}/timeline', '/api/v1/audit-log', '/api/v1/projects']),
    );
    expect(spec.paths['/api/v1/accounts'].post.requestBody).toBeDefined();
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('headers', () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-dist-'));
  const opened: Array<{ app: FastifyInstance; database: TestDatabase }> = [];
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><script type="module" src="/assets/app-1a2b3c.js"></script>');
  fs.writeFileSync(path.join(dist, 'assets/app-1a2b3c.js'), 'console.log("app");\n');
  fs.writeFileSync(path.join(dist, 'assets/app-1a2b3c.js.map'), '{"version":3,"sources":["secret.ts"]}');
  fs.writeFileSync(path.join(dist, 'assets/app-1a2b3c.js.map.br'), '{"version":3,"sources":["secret.ts"]}');

  /** An app serving the small built web app above, reached at publicUrl. */
  async function appAt(publicUrl?: string) {
    const database = await createTestDatabase();
    const app = await buildApp({ db: database.db, dialect: database.dialect, logLevel: 'silent', publicUrl, webDist: dist });
    await app.ready();
    opened.push({ app, database });
    return app;
  }

  afterAll(async () => {
    for (const { app, database } of opened) {
      await app.close();
      await database.drop();
    }
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('sends Strict-Transport-Security only when the public address is https', async () => {
    const hsts = async (publicUrl?: string) => (await (await appAt(publicUrl)).inject({ method: 'GET', url: '/healthz' })).headers;
    expect((await hsts(undefined))['strict-transport-security']).toBeUndefined();
    expect((await hsts('http://crm.intranet.local'))['strict-transport-security']).toBeUndefined();
    expect((await hsts('https://crm.example.com'))['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  });

  it('marks every API answer no-store, whether a session, a token or nobody asked', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'log@example.test', password: PASSWORD },
    });
    expect(login.headers['cache-control']).toBe('no-store');
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const bySession = await app.inject({ method: 'GET', url: '/api/v1/accounts', headers: { cookie } });
    expect(bySession.statusCode).toBe(200);
    expect(bySession.headers['cache-control']).toBe('no-store');
    const { token } = (await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie }, payload: { name: 'cache' } })).json();
    const byToken = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(byToken.statusCode).toBe(200);
    expect(byToken.headers['cache-control']).toBe('no-store');
    expect((await app.inject({ method: 'GET', url: '/api/v1/accounts' })).headers['cache-control']).toBe('no-store');
  });

  it('keeps long caching for hashed assets and serves no source maps', async () => {
    const web = await appAt();
    const asset = await web.inject({ method: 'GET', url: '/assets/app-1a2b3c.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
    expect((await web.inject({ method: 'GET', url: '/' })).headers['cache-control']).toBe('no-cache');
    for (const url of ['/assets/app-1a2b3c.js.map', '/assets/app-1a2b3c.js.map.br', '/assets/APP-1A2B3C.JS.MAP']) {
      const res = await web.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).not.toContain('secret.ts');
    }
  });
});
