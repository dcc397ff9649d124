import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../common/messages/index.js';
import { LINES, createDraft } from '../test/billing-fixtures.js';
import { createProject } from '../test/delivery-fixtures.js';
import { expectNoWrite, expectProblem } from '../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../test/harness.js';

let t: TestApp;
let manager: Caller;
let accountId: string;
beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn('account_manager');
  accountId = (await t.createAccount(manager, { name: 'Contract Co' })).id;
});
afterAll(() => t.close());

describe('unknown body fields are refused, not silently dropped', () => {
  it('PATCH /requirements/:id {"status":"agreed"}: 400 naming `status`, and the requirement stays proposed', async () => {
    const project = await createProject(manager, accountId);
    const r = (await manager.post('/api/v1/requirements', { projectId: project.id, party: 'client', text: 'Access to the CMS' })).json();
    const res = await expectNoWrite(t, () => manager.patch(`/api/v1/requirements/${r.id}`, { status: 'agreed' }));
    const body = expectProblem(res, 400, 'status');
    expect(body).toMatchObject({ code: 'validation.unknown_field', errors: [{ field: 'status', code: 'validation.unknown_field' }] });
    expect((await manager.get(`/api/v1/requirements/${r.id}`)).json()).toMatchObject({ status: 'proposed', version: 1 });
  });

  it('names an unknown field inside a nested object by its path', async () => {
    const res = await manager.post('/api/v1/invoices', { accountId, lines: [{ ...LINES[0], colour: 'red' }] });
    const body = expectProblem(res, 400, 'lines.0.colour');
    expect(body.errors).toEqual([expect.objectContaining({ field: 'lines.0.colour', code: 'validation.unknown_field' })]);
  });

  it('the OpenAPI document says so: request bodies allow no additional properties', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const schema = doc.paths['/api/v1/accounts'].post.requestBody.content['application/json'].schema;
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('stable machine codes', () => {
  it('every problem and every field error carries a code from the catalogue, and its parameters', async () => {
    const long = expectProblem(await manager.post('/api/v1/accounts', { name: 'x'.repeat(201) }), 400, 'name');
    expect(long).toMatchObject({ code: 'validation.too_long', params: { max: 200 } });
    expect(long.errors[0]).toEqual({ field: 'name', code: 'validation.too_long', message: 'At most 200 characters', params: { max: 200 } });
    const two = expectProblem(await manager.post('/api/v1/accounts', { name: '', paymentTermsDays: 1.5 }), 400);
    expect(two.code).toBe('validation.failed');
    expect(two.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['name', 'account.name_required'],
      ['paymentTermsDays', 'account.payment_terms'],
    ]);
    for (const e of [long, two, ...long.errors, ...two.errors]) expect(Object.keys(MESSAGES)).toContain(e.code);
  });

  it('server rules answer with their own codes: a stage move, an issued invoice, a stale write', async () => {
    const project = await createProject(manager, accountId);
    const stage = expectProblem(await manager.patch(`/api/v1/projects/${project.id}`, { stage: 'delivered' }), 400, 'stage');
    expect(stage).toMatchObject({ code: 'project.stage_not_allowed', type: 'https://liaison.dev/problems/project.stage_not_allowed' });
    const draft = await createDraft(manager, accountId);
    expect((await manager.post(`/api/v1/invoices/${draft.id}/issue`, {})).statusCode).toBe(200);
    const again = expectProblem(await manager.post(`/api/v1/invoices/${draft.id}/issue`, {}), 409);
    expect(again).toMatchObject({ code: 'invoice.already_issued', params: { status: 'issued' } });
    const stale = expectProblem(await manager.patch(`/api/v1/projects/${project.id}`, { name: 'Late' }, { 'if-match': '"99"' }), 412);
    expect(stale.code).toBe('record.changed');
  });
});

describe('texts in the reader’s language', () => {
  it('a Russian user reads problems in Russian; the code stays the same', async () => {
    const ru = await t.signIn('account_manager');
    await ru.patch('/api/v1/auth/me', { language: 'ru' });
    const project = await createProject(ru, (await t.createAccount(ru)).id);
    const res = expectProblem(await ru.patch(`/api/v1/projects/${project.id}`, { stage: 'delivered' }), 400, 'stage');
    expect(res.code).toBe('project.stage_not_allowed');
    expect(res.title).toBe('Неверный запрос');
    expect(res.detail).toBe('Проект на этапе «бриф» можно перевести на этапы: планирование, приостановлен, закрыт, но не «сдан».');
    expect(res.errors[0].message).toBe('Недоступно с этапа «бриф»');
  });

  it('without a session, Accept-Language decides; English otherwise', async () => {
    const anon = (language?: string) =>
      t.app.inject({ method: 'GET', url: '/api/v1/accounts', headers: language ? { 'accept-language': language } : {} });
    expect((await anon('ru-RU,ru;q=0.9,en;q=0.8')).json()).toMatchObject({ code: 'auth.required', detail: 'Войдите, чтобы продолжить.' });
    expect((await anon('de-DE,en;q=0.5,ru;q=0.4')).json().detail).toBe('Sign in to continue.');
    expect((await anon()).json().detail).toBe('Sign in to continue.');
  });

  it('credit warnings are worded for the reader', async () => {
    const ru = await t.signIn('account_manager');
    await ru.patch('/api/v1/auth/me', { language: 'ru' });
    const limited = await t.createAccount(ru, { creditLimitMinor: 1000, currency: 'EUR' });
    const warning = (await ru.get(`/api/v1/accounts/${limited.id}/exposure?addingMinor=5000`)).json().warnings[0];
    expect(warning.code).toBe('over_credit_limit');
    expect(warning.message).toMatch(/^Долг вырастет до 50,00\s€ — больше кредитного лимита 10,00\s€/);
  });
});

describe('who may call comes before what they send', () => {
  it('no session: 401, and not a word about the body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/accounts', payload: {} });
    const body = expectProblem(res, 401);
    expect(body.code).toBe('auth.required');
    expect(body.errors).toBeUndefined();
  });

  it('a role that may not use the endpoint: 403 before validation', async () => {
    const specialist = await t.signIn('specialist');
    const res = expectProblem(await specialist.post('/api/v1/accounts', {}), 403);
    expect(res).toMatchObject({ code: 'access.create_account' });
    expect(res.errors).toBeUndefined();
    expect(expectProblem(await manager.post('/api/v1/users', {}), 403).code).toBe('access.admin_only');
    expect(expectProblem(await manager.put('/api/v1/settings/delivery', {}), 403).code).toBe('access.admin_only');
  });

  it('sign-in and first-run setup stay open', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: {} });
    expect(expectProblem(login, 400).code).toBe('validation.failed');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).statusCode).toBe(200);
  });
});

describe('values that look right but are not', () => {
  it('a currency must be an ISO 4217 code in circulation', async () => {
    for (const currency of ['XYZ', 'DEM', 'eur']) {
      expect(expectProblem(await manager.post('/api/v1/accounts', { name: 'Cur', currency }), 400, 'currency').code).toBe(
        'validation.currency',
      );
    }
    expect((await manager.post('/api/v1/accounts', { name: 'Cur', currency: 'KZT' })).statusCode).toBe(201);
  });

  it('a website is http or https; one typed without a scheme is taken as https', async () => {
    for (const website of ['javascript:alert(1)', 'ftp://files.example.com', 'data:text/html,hi', 'not a site']) {
      expect(expectProblem(await manager.post('/api/v1/accounts', { name: 'Web', website }), 400, 'website').code).toBe('validation.url');
    }
    expect((await manager.post('/api/v1/accounts', { name: 'Web', website: 'example.com/about' })).json().website).toBe(
      'https://example.com/about',
    );
    expect((await manager.post('/api/v1/accounts', { name: 'Web', website: 'http://example.org' })).json().website).toBe(
      'http://example.org',
    );
  });

  it('a payment date is neither ancient, nor in the future, nor before the invoice was issued', async () => {
    t.clock.set('2026-05-20T10:00:00.000Z');
    const payer = await t.signIn('account_manager');
    const draft = await createDraft(payer, (await t.createAccount(payer)).id);
    const issued = (await payer.post(`/api/v1/invoices/${draft.id}/issue`, { issueDate: '2026-05-10' })).json();
    const pay = (paidOn: string) => payer.post('/api/v1/payments', { invoiceId: issued.id, amountMinor: 100, paidOn });
    expect(expectProblem(await pay('0001-01-01'), 400, 'paidOn').code).toBe('validation.date_range');
    expect(expectProblem(await pay('2026-05-21'), 400, 'paidOn').code).toBe('payment.date_future');
    const early = expectProblem(await pay('2026-05-09'), 400, 'paidOn');
    expect(early).toMatchObject({ code: 'payment.date_before_issue', params: { issueDate: '2026-05-10' } });
    expect((await pay('2026-05-10')).statusCode).toBe(201);
  });
});
