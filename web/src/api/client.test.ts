import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, buildUrl, onUnauthorized, request } from './client';
import { parseProblem } from './errors';

const problem = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });

afterEach(() => {
  vi.unstubAllGlobals();
  onUnauthorized(null);
});

describe('parseProblem', () => {
  it('reads status, detail, request id and field errors', async () => {
    const error = await parseProblem(
      problem(400, {
        type: 'https://liaison.dev/problems/validation',
        title: 'Invalid body',
        status: 400,
        detail: 'name: Enter the company name',
        requestId: 'req-1',
        code: 'validation.failed',
        params: { fields: ['name', 'email'] },
        errors: [
          { field: 'name', code: 'account.name_required', message: 'Enter the company name' },
          { field: 'name', code: 'validation.too_long', message: 'second message for the same field', params: { max: 200 } },
          { field: 'email', code: 'validation.email', message: 'Enter a valid email address' },
          { nonsense: true },
        ],
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.detail).toBe('name: Enter the company name');
    expect(error.requestId).toBe('req-1');
    expect(error.fieldErrors).toHaveLength(3);
    expect(error).toMatchObject({ code: 'validation.failed', params: { fields: ['name', 'email'] } });
    expect(error.fieldErrorMap()).toEqual({
      name: { field: 'name', code: 'account.name_required', message: 'Enter the company name' },
      email: { field: 'email', code: 'validation.email', message: 'Enter a valid email address' },
    });
  });

  it('reads the problem code and the field error codes', async () => {
    const error = await parseProblem(
      problem(400, {
        code: 'validation',
        title: 'Invalid body',
        status: 400,
        errors: [
          { field: 'password', message: 'Dates are easy to guess.', code: 'password.too_weak' },
          { field: 'name', message: 'Required' },
        ],
      }),
    );
    expect(error.code).toBe('validation');
    // A field error from an older server without a code keeps its words and an empty code.
    expect(error.fieldErrors).toEqual([
      { field: 'password', message: 'Dates are easy to guess.', code: 'password.too_weak' },
      { field: 'name', message: 'Required', code: '' },
    ]);
  });

  it('copes with a body that is not problem+json', async () => {
    const error = await parseProblem(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(error.status).toBe(502);
    expect(error.title).toBe('Bad Gateway');
    expect(error.fieldErrors).toEqual([]);
  });

  it('reads Retry-After in seconds', async () => {
    const error = await parseProblem(problem(429, { title: 'Too many', status: 429 }, { 'Retry-After': '30' }));
    expect(error.retryAfterSeconds).toBe(30);
  });

  it('marks conflicts and missing records', async () => {
    expect((await parseProblem(problem(412, { title: 'Changed', status: 412 }))).isConflict).toBe(true);
    expect((await parseProblem(problem(404, { title: 'Not found', status: 404 }))).isNotFound).toBe(true);
  });
});

describe('request', () => {
  it('leaves empty filters out of the URL', () => {
    expect(buildUrl('/accounts', { q: 'ромаш', status: '', ownerId: undefined, limit: 50 })).toBe(
      '/api/v1/accounts?q=%D1%80%D0%BE%D0%BC%D0%B0%D1%88&limit=50',
    );
    expect(buildUrl('/tokens')).toBe('/api/v1/tokens');
  });

  it('sends JSON with If-Match on an edit and same-origin credentials', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ id: 'a1', version: 4 }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const saved = await api.patch<{ version: number }>('/accounts/a1', { name: 'New' }, 3);
    expect(saved.version).toBe(4);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/accounts/a1');
    expect(init.method).toBe('PATCH');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"name":"New"}');
    expect(init.headers).toMatchObject({ 'If-Match': '"3"', 'Content-Type': 'application/json' });
  });

  it('sends a file as the raw body with its own type', async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    const file = new File([new Uint8Array([0x89, 0x50])], 'me.png', { type: 'image/png' });
    await expect(request('/users/u1/photo', { method: 'PUT', file })).resolves.toBeUndefined();
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.body).toBe(file);
    expect(init.headers).toMatchObject({ 'Content-Type': 'image/png' });
  });

  it('returns nothing for 204', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    await expect(api.delete('/tokens/t1')).resolves.toBeUndefined();
  });

  it('reports an ended session, except for a failed sign-in', async () => {
    const handler = vi.fn();
    onUnauthorized(handler);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(401, { title: 'Sign in', status: 401 })),
    );

    await expect(api.post('/auth/login', { email: 'a@b.c', password: 'x' })).rejects.toMatchObject({ status: 401 });
    await expect(api.post('/auth/login/totp', { code: '000000' })).rejects.toMatchObject({ status: 401 });
    await expect(api.post('/auth/login/recovery-code', { code: 'x' })).rejects.toMatchObject({ status: 401 });
    expect(handler).not.toHaveBeenCalled();

    await expect(api.get('/accounts')).rejects.toBeInstanceOf(ApiError);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('turns a network failure into status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(api.get('/accounts')).rejects.toMatchObject({ status: 0 });
  });
});
