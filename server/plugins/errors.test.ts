import net from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createTestDatabase } from '../test/database.js';
import { createTestApp, type TestApp } from '../test/harness.js';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends bytes as they are, for requests no HTTP client would send, and reads the whole answer. */
function rawRequest(port: number, request: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let out = '';
    socket.on('data', (d) => (out += d.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, ...rest] = out.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
  });
}

/** Every error answer: problem+json with a stable code, and nothing of Fastify's own wording. */
function expectProblem(
  res: { statusCode?: number; status?: number; headers: Record<string, unknown>; body: string },
  status: number,
  code: string,
) {
  expect(res.statusCode ?? res.status).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(res.body);
  expect(body).toMatchObject({ type: `https://liaison.dev/problems/${code}`, status, code });
  expect(body.title).toEqual(expect.any(String));
  expect(body.detail).toEqual(expect.any(String));
  expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(res.body).not.toMatch(/FST_|statusCode|"error"|is not a valid url component|max param length|Client Error/);
  return body;
}

let t: TestApp;
let port: number;
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as net.AddressInfo).port;
});
afterAll(() => t.close());

describe('every error is problem+json with a stable code', () => {
  it('refuses a path parameter longer than the router accepts with 414 url-too-long', async () => {
    const res = await t.admin.get(`/api/v1/accounts/${'a'.repeat(300)}`);
    expectProblem(res, 414, 'request.url_too_long');
    expect(res.headers['x-request-id']).toBe(res.json().requestId);
  });

  it('refuses a broken %-encoding in the path with 400 bad-url', async () => {
    expectProblem(await t.admin.get('/api/v1/accounts/%E0%A4%A'), 400, 'request.bad_url');
    expectProblem(await t.admin.get('/api/v1/accounts/%zz'), 400, 'request.bad_url');
  });

  it('refuses a URL longer than the HTTP parser accepts with 414 url-too-long', async () => {
    const res = await rawRequest(port, `GET /api/v1/accounts?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expectProblem(res, 414, 'request.url_too_long');
  });

  it('refuses headers larger than the HTTP parser accepts with 431 headers-too-large', async () => {
    const res = await rawRequest(port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expectProblem(res, 431, 'request.headers_too_large');
  });

  it('refuses a method HTTP does not know with 501 unknown-method', async () => {
    expectProblem(await rawRequest(port, 'FOO /healthz HTTP/1.1\r\nHost: x\r\n\r\n'), 501, 'request.unknown_method');
  });

  it('refuses a request that is not valid HTTP with 400 bad-request', async () => {
    const smuggled = 'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n';
    expectProblem(await rawRequest(port, smuggled), 400, 'request.not_http');
  });

  it('refuses an HTTP/1.1 request without Host with 400 missing-host', async () => {
    expectProblem(await rawRequest(port, 'GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n'), 400, 'request.missing_host');
  });

  it('answers an unknown route or a method a route does not take with 404 not-found', async () => {
    expectProblem(await t.admin.get('/api/v1/nothing-here'), 404, 'request.route_not_found');
    expectProblem(await t.admin.request('PUT', '/api/v1/accounts', {}), 404, 'request.route_not_found');
    expectProblem(
      await rawRequest(port, 'PROPFIND /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
      404,
      'request.route_not_found',
    );
  });

  it('refuses bodies that are not UTF-8 JSON with 415 unsupported-media-type', async () => {
    const post = (contentType: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        headers: { cookie: t.admin.cookie, 'content-type': contentType },
        payload: '{"name":"X"}',
      });
    expectProblem(await post('text/plain'), 415, 'request.media_type');
    expectProblem(await post('application/json; charset=utf-16'), 415, 'request.charset');
    expectProblem(await post('application/json; charset=iso-8859-1'), 415, 'request.charset');
    expect((await post('application/json; charset=UTF-8')).statusCode).toBe(201);
  });

  it('refuses malformed, empty and oversized JSON bodies', async () => {
    const post = (payload: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie: t.admin.cookie, ...json, ...headers }, payload });
    expectProblem(await post('{"name":'), 400, 'request.malformed_json');
    expectProblem(await post(''), 400, 'request.empty_json');
    expectProblem(await post('{"__proto__":{"admin":true},"name":"X"}'), 400, 'request.malformed_json');
    expectProblem(await post(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) })), 413, 'request.body_too_large');
  });

  it('refuses a body in an unknown or broken Content-Encoding', async () => {
    const post = (encoding: string, payload: string | Buffer) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        headers: { cookie: t.admin.cookie, ...json, 'content-encoding': encoding },
        payload,
      });
    expectProblem(await post('bogus', '{}'), 415, 'request.content_encoding');
    expectProblem(await post('gzip', '{"name":"not gzip"}'), 400, 'request.bad_content_encoding');
    expect((await post('gzip', zlib.gzipSync('{"name":"Gzipped Co"}'))).statusCode).toBe(201);
  });

  it('gives the errors of our own rules a code too', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/accounts' }), 401, 'auth.required');
    const invalid = expectProblem(await t.admin.post('/api/v1/accounts', { name: '' }), 400, 'account.name_required');
    expect(invalid.errors).toEqual([expect.objectContaining({ field: 'name' })]);
  });
});

describe('errors from plugins', () => {
  it('answers a transaction the database gave up on (deadlock, serialization, busy) with 503 and Retry-After', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({ db: database.db, dialect: database.dialect, logLevel: 'silent', webDist: null });
    for (const code of ['40P01', '40001', 'SQLITE_BUSY']) {
      app.get(`/gave-up/${code}`, async () => {
        throw Object.assign(new Error('deadlock detected'), { code });
      });
    }
    try {
      for (const code of ['40P01', '40001', 'SQLITE_BUSY']) {
        const res = await app.inject({ method: 'GET', url: `/gave-up/${code}` });
        expectProblem(res, 503, 'request.try_again');
        expect(res.headers['retry-after']).toBe('1');
        expect(res.body).not.toContain('deadlock');
      }
    } finally {
      await app.close();
      await database.drop();
    }
  });

  it('answers a client error it does not know by its status, without the plugin’s message', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({ db: database.db, dialect: database.dialect, logLevel: 'silent', webDist: null });
    app.get('/plugin-error', async () => {
      throw Object.assign(new Error('FST_SOMETHING internal detail /srv/liaison'), { statusCode: 405, code: 'FST_SOMETHING' });
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/plugin-error' });
      const body = expectProblem(res, 405, 'request.not_handled');
      expect(body.title).toBe('Method not allowed');
      expect(res.body).not.toContain('internal detail');
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
