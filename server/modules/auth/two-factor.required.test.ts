import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { auditEntries, expectProblem } from '../../test/fixtures.js';
import { createTestApp, PASSWORD, type TestApp } from '../../test/harness.js';
import { TestClock } from '../../test/clock.js';
import { createTestDatabase } from '../../test/database.js';
import { cookieFrom, enrolTwoFactor, totpCode, twoStepSignIn } from '../../test/two-factor.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const requireTwoFactor = (on: boolean) => t.admin.patch('/api/v1/settings/security', { requireTwoFactor: on });

describe('the security setting that requires two-factor for admins and finance', () => {
  it('only admins read and change it, and an admin turns it on only with their own two-factor on', async () => {
    const finance = await t.signIn('finance');
    expectProblem(await finance.get('/api/v1/settings/security'), 403);
    expectProblem(await finance.patch('/api/v1/settings/security', { requireTwoFactor: true }), 403);
    expect((await t.admin.get('/api/v1/settings/security')).json()).toEqual({ requireTwoFactor: false });

    const refused = await requireTwoFactor(true);
    expect(expectProblem(refused, 409).detail).toMatch(/yourself/);
    await enrolTwoFactor(t.admin, t.clock);
    t.clock.advance(30_000);
    expect((await requireTwoFactor(true)).json()).toEqual({ requireTwoFactor: true });
    const [entry] = await auditEntries(t, 'recordType=settings&recordId=security');
    expect(entry).toMatchObject({ actorId: t.admin.user.id, changes: { requireTwoFactor: { before: false, after: true } } });
  });

  it('holds back a finance user without it: everything but enrolment answers 403 auth.two_factor_required', async () => {
    const finance = await t.signIn('finance');
    const me = await finance.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().twoFactor).toEqual({ enabled: false, required: true });

    for (const res of [
      await finance.get('/api/v1/accounts'),
      await finance.get('/api/v1/invoices'),
      await finance.post('/api/v1/tokens', { name: 'x' }),
    ]) {
      const body = expectProblem(res, 403);
      expect(body.code).toBe('auth.two_factor_required');
      expect(body.type).toMatch(/\/auth\.two_factor_required$/);
    }
    // An API token made before the setting changes nothing.
    const token = (await t.app.services.tokens.create({ id: finance.user.id, role: 'finance', accountId: null }, 'old')).token;
    const viaToken = await t.app.inject({ method: 'GET', url: '/api/v1/accounts', headers: { authorization: `Bearer ${token}` } });
    expect(expectProblem(viaToken, 403).code).toBe('auth.two_factor_required');

    expect((await finance.get('/api/v1/auth/two-factor')).json()).toMatchObject({ enabled: false, required: true });
    const { secret } = await enrolTwoFactor(finance, t.clock);
    expect((await finance.get('/api/v1/accounts')).statusCode).toBe(200);
    expect((await finance.get('/api/v1/auth/me')).json().twoFactor).toEqual({ enabled: true, required: true });

    // Required for the role: it cannot be turned off.
    t.clock.advance(30_000);
    const off = await finance.post('/api/v1/auth/two-factor/disable', { code: await totpCode(secret, t.clock) });
    expectProblem(off, 409);
  });

  it('a required admin signing in for the first time gets a session that only reaches enrolment', async () => {
    const admin = await t.signIn('admin');
    expect(expectProblem(await admin.get('/api/v1/users'), 403).code).toBe('auth.two_factor_required');
    expect((await admin.post('/api/v1/auth/two-factor/enrolment')).statusCode).toBe(200);
    expect((await admin.post('/api/v1/auth/logout')).statusCode).toBe(204);
  });

  it('does not hold back account managers, specialists or client users', async () => {
    const account = await t.createAccount(t.admin);
    const contact = await t.createContact(t.admin, account.id, 'Client');
    for (const role of ['account_manager', 'specialist', 'client'] as const) {
      const c = await t.signIn(role, role === 'client' ? { contactId: contact.id } : {});
      expect((await c.get('/api/v1/auth/me')).json().twoFactor).toEqual({ enabled: false, required: false });
      expect((await c.get(role === 'client' ? `/api/v1/accounts/${account.id}` : '/api/v1/accounts')).statusCode).toBe(200);
    }
  });

  it('turned off again, nobody is held back', async () => {
    const finance = await t.signIn('finance');
    expectProblem(await finance.get('/api/v1/accounts'), 403);
    expect((await requireTwoFactor(false)).statusCode).toBe(200);
    expect((await finance.get('/api/v1/accounts')).statusCode).toBe(200);
  });
});

describe('secrets stay out of the logs', () => {
  it('never logs the TOTP secret, codes, recovery codes or the pending sign-in cookie', async () => {
    let logs = '';
    const stream = new PassThrough();
    stream.on('data', (d) => (logs += d));
    const database = await createTestDatabase();
    const clock = new TestClock();
    const app = await buildApp({ db: database.db, dialect: database.dialect, clock, logLevel: 'trace', logStream: stream, webDist: null });
    try {
      const user = await app.services.users.create(null, {
        email: 'quiet@example.test',
        name: 'Quiet',
        role: 'finance',
        password: PASSWORD,
      });
      const { passwordStep, codeStep } = twoStepSignIn(app, user.email, PASSWORD);
      const cookie = cookieFrom(await passwordStep(), 'liaison_session')!;
      const caller = {
        post: (url: string, payload?: unknown) => app.inject({ method: 'POST', url, headers: { cookie }, payload: payload ?? {} }),
      };
      const started = (await caller.post('/api/v1/auth/two-factor/enrolment')).json();
      const code = await totpCode(started.secret, clock);
      const { recoveryCodes } = (await caller.post('/api/v1/auth/two-factor/enrolment/confirm', { code })).json();
      clock.advance(30_000);
      const pending = cookieFrom(await passwordStep(), 'liaison_sign_in')!;
      const next = await totpCode(started.secret, clock);
      expect((await codeStep(pending, next)).statusCode).toBe(200);
      const pendingAgain = cookieFrom(await passwordStep(), 'liaison_sign_in')!;
      expect((await codeStep(pendingAgain, recoveryCodes[0], 'recovery-code')).statusCode).toBe(200);

      expect(logs).toContain('/api/v1/auth/login/totp'); // requests are logged…
      for (const secret of [started.secret, code, next, recoveryCodes[0], pending.split('=')[1], pendingAgain.split('=')[1]]) {
        expect(logs).not.toContain(secret); // …their secrets are not
      }
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
