import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';
import { NAMED_OPERATIONS } from './openapi-operations.js';
import { ProblemSchema, PROBLEM_REF } from './openapi-problem.js';

type Json = Record<string, any>;

let t: TestApp;
let doc: Json;

/** Follows a local `$ref` (`#/components/...`) to what it names. */
const resolve = (node: Json): Json =>
  node.$ref
    ? node.$ref
        .slice(2)
        .split('/')
        .reduce((at: Json, key: string) => at[key], doc)
    : node;

function operations(): [string, Json][] {
  return Object.entries<Json>(doc.paths).flatMap(([path, item]) =>
    Object.entries<Json>(item).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as [string, Json]),
  );
}

const operation = (key: string) => Object.fromEntries(operations())[key];
const headerNames = (op: Json) =>
  (op.parameters ?? [])
    .map(resolve)
    .filter((p: Json) => p.in === 'header')
    .map((p: Json) => p.name);

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json();
});
afterAll(() => t.close());

describe('the OpenAPI document', () => {
  it('documents DELETE as 204 without a body, never 200', () => {
    const deletes = operations().filter(([key]) => key.startsWith('DELETE '));
    expect(deletes.length).toBeGreaterThan(0);
    for (const [, op] of deletes) {
      expect(op.responses['200']).toBeUndefined();
      expect(op.responses['204'].content).toBeUndefined();
    }
    expect(Object.keys(operation('DELETE /api/v1/accounts/{id}').responses)).toContain('204');
  });

  it('documents CSV exports as text/csv', () => {
    for (const key of ['GET /api/v1/reports/receivables.csv', 'GET /api/v1/accounts/{id}/statement.csv']) {
      expect(Object.keys(operation(key).responses['200'].content)).toEqual(['text/csv']);
    }
  });

  it('documents If-Match and 412 on PATCH and on the actions that check the version', () => {
    for (const key of ['PATCH /api/v1/accounts/{id}', 'POST /api/v1/invoices/{id}/issue']) {
      const op = operation(key);
      expect(headerNames(op)).toContain('If-Match');
      expect(resolve(op.responses['412']).content['application/problem+json'].schema.$ref).toBe(PROBLEM_REF);
    }
    const unversioned = operation('PATCH /api/v1/settings/billing');
    expect(headerNames(unversioned)).not.toContain('If-Match');
    expect(unversioned.responses['412']).toBeUndefined();
    expect(headerNames(operation('POST /api/v1/payments'))).toContain('Idempotency-Key');
  });

  it('documents 500 as a Problem on every operation, and every error answer as problem+json', () => {
    for (const [key, op] of operations()) {
      expect(resolve(op.responses['500'] ?? {}).content?.['application/problem+json']?.schema?.$ref, key).toBe(PROBLEM_REF);
      for (const [status, response] of Object.entries<Json>(op.responses)) {
        if (Number(status) >= 400) expect(Object.keys(resolve(response).content), `${key} ${status}`).toEqual(['application/problem+json']);
      }
    }
  });

  it('asks no credentials of public operations, and answers "not signed in" only on the others', () => {
    for (const key of ['POST /api/v1/auth/logout', 'GET /api/v1/setup', 'POST /api/v1/setup']) {
      expect(operation(key).security, key).toEqual([]);
      expect(operation(key).responses['401'], key).toBeUndefined();
    }
    // Signing in answers 401 for a wrong password: its own answer, not the shared "not signed in".
    const login = operation('POST /api/v1/auth/login');
    expect(login.security).toEqual([]);
    expect(login.responses['401'].$ref).toBeUndefined();
    expect(login.responses['401'].description).toMatch(/password/);
    expect(login.responses['429'].headers['Retry-After']).toBeDefined();
    expect(operation('GET /api/v1/accounts').responses['401'].$ref).toBe('#/components/responses/Unauthorized');
  });

  it('describes the Problem with its stable code and field errors', () => {
    const problem = doc.components.schemas.Problem;
    expect(problem.properties.code.type).toBe('string');
    expect(problem.properties.errors.items.properties).toHaveProperty('field');
    expect(problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status']));
  });

  it('gives every operation a unique operationId', () => {
    const ids = operations().map(([, op]) => op.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operation('GET /api/v1/accounts/{id}/statement.csv').operationId).toBe('getAccountsByIdStatementCsv');
  });

  it('names only operations that exist in its per-operation lists', () => {
    const keys = new Set(operations().map(([key]) => key));
    expect(NAMED_OPERATIONS.filter((key) => !keys.has(key))).toEqual([]);
  });
});

describe('the API keeps what the document says', () => {
  // Enough of a body to pass validation, so the header is the only thing wrong.
  const BODIES: Record<string, unknown> = {
    'POST /api/v1/invoices/{id}/void': { reason: 'Sent twice' },
    'POST /api/v1/documents/{id}/send': { contactIds: ['none'] },
    'POST /api/v1/documents/{id}/cancel': { reason: 'Drafted twice' },
    'POST /api/v1/payments': { invoiceId: 'none', amountMinor: 100, paidOn: '2026-01-15' },
  };

  it('reads the If-Match and Idempotency-Key headers where it documents them', async () => {
    const documented = operations().filter(([, op]) => headerNames(op).length > 0);
    expect(documented.length).toBeGreaterThan(10);
    for (const [key, op] of documented) {
      const [method, path] = key.split(' ');
      const res = await t.admin.request(method as 'POST', path.replace('{id}', 'none'), BODIES[key] ?? {}, {
        'if-match': 'not a version',
        'idempotency-key': 'not a key',
      });
      expect(res.statusCode, key).toBe(400);
      expect(
        res.json().errors.map((e: Json) => e.field),
        key,
      ).toEqual(headerNames(op).filter((h: string) => h === 'If-Match' || h === 'Idempotency-Key'));
    }
  });

  it('ignores If-Match where it does not document it', async () => {
    const res = await t.admin.patch('/api/v1/settings/billing', {}, { 'if-match': 'not a version' });
    expect(res.statusCode).toBe(200);
  });

  it('answers errors in the documented Problem shape', async () => {
    const answers = [
      await t.app.inject({ method: 'GET', url: '/api/v1/accounts' }),
      await t.admin.get('/api/v1/accounts/none'),
      await t.admin.post('/api/v1/accounts', { name: '' }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([401, 404, 400]);
    for (const res of answers) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(ProblemSchema.safeParse(res.json()).error).toBeUndefined();
    }
  });
});
