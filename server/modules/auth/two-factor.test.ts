import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, expectProblem } from '../../test/fixtures.js';
import { createTestApp, PASSWORD, type Caller, type TestApp } from '../../test/harness.js';
import { cookieFrom, enrolTwoFactor, totpCode, twoStepSignIn } from '../../test/two-factor.js';
import { LOGIN_LIMITS } from './login-limits.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const SESSION = 'liaison_session';
const SIGN_IN = 'liaison_sign_in';

/** A staff user with two-factor sign-in on, signed in; the clock is moved past the enrolment code's step. */
async function enrolled(role: 'account_manager' | 'finance' | 'specialist' | 'admin' = 'account_manager') {
  const c = await t.signIn(role);
  const enrolment = await enrolTwoFactor(c, t.clock);
  t.clock.advance(30_000);
  return { c, ...enrolment, ...twoStepSignIn(t.app, c.user.email, PASSWORD) };
}

const meWith = (cookie: string | undefined) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: cookie ? { cookie } : {} });

describe('enrolment', () => {
  it('shows a secret with a QR code, turns on only after a correct code, and answers ten recovery codes once', async () => {
    const c = await t.signIn('account_manager');
    const started = await c.post('/api/v1/auth/two-factor/enrolment');
    expect(started.statusCode).toBe(200);
    const { secret, otpauthUrl, qrCode } = started.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Liaison:/);
    expect(decodeURIComponent(otpauthUrl)).toContain(c.user.email);
    expect(otpauthUrl).toContain(`secret=${secret}`);
    expect(qrCode).toMatch(/^data:image\/png;base64,/);

    // Not on yet: the password alone still signs in, and the status says so.
    expect((await c.get('/api/v1/auth/two-factor')).json()).toMatchObject({ enabled: false, available: true, recoveryCodesLeft: 0 });
    expect((await t.login(c.user.email)).statusCode).toBe(200);

    const wrong = await c.post('/api/v1/auth/two-factor/enrolment/confirm', { code: '000000' });
    expect(expectProblem(wrong, 400, 'code').errors[0].code).toBe('twoFactor.invalid_code');
    const malformed = await c.post('/api/v1/auth/two-factor/enrolment/confirm', { code: '12ab' });
    expectProblem(malformed, 400, 'code');

    const confirmed = await c.post('/api/v1/auth/two-factor/enrolment/confirm', { code: await totpCode(secret, t.clock) });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

    const status = (await c.get('/api/v1/auth/two-factor')).json();
    expect(status).toMatchObject({ enabled: true, required: false, recoveryCodesLeft: 10 });
    expect(status.enabledAt).toBe(t.clock.now().toISOString());
    expect((await c.get('/api/v1/auth/me')).json().twoFactor).toEqual({ enabled: true, required: false });

    // The secret and the codes are never answered again, and the codes are stored hashed.
    const again = await c.post('/api/v1/auth/two-factor/enrolment');
    expectProblem(again, 409);
    for (const res of [await c.get('/api/v1/auth/two-factor'), await c.get('/api/v1/auth/me')]) {
      expect(res.body).not.toContain(secret);
      expect(res.body).not.toContain(recoveryCodes[0]);
    }
    const stored = await t.database.db
      .selectFrom('two_factor_recovery_codes')
      .select('code_hash')
      .where('user_id', '=', c.user.id)
      .execute();
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0].replace('-', ''));

    const [entry] = await auditEntries(t, `recordType=two_factor&recordId=${c.user.id}`);
    expect(entry).toMatchObject({ actorId: c.user.id, action: 'create', changes: { enabled: { before: null, after: true } } });
    expect(JSON.stringify(entry)).not.toContain(secret);
  });

  it('a new enrolment replaces an unconfirmed secret', async () => {
    const c = await t.signIn('specialist');
    const first = (await c.post('/api/v1/auth/two-factor/enrolment')).json().secret;
    const second = (await c.post('/api/v1/auth/two-factor/enrolment')).json().secret;
    expect(second).not.toBe(first);
    const stale = await c.post('/api/v1/auth/two-factor/enrolment/confirm', { code: await totpCode(first, t.clock) });
    expectProblem(stale, 400, 'code');
    const ok = await c.post('/api/v1/auth/two-factor/enrolment/confirm', { code: await totpCode(second, t.clock) });
    expect(ok.statusCode).toBe(200);
  });

  it('is for staff: a client user cannot turn it on', async () => {
    const account = await t.createAccount(t.admin);
    const contact = await t.createContact(t.admin, account.id, 'Portal');
    const client = await t.signIn('client', { contactId: contact.id });
    expectProblem(await client.post('/api/v1/auth/two-factor/enrolment'), 403);
    expect((await client.get('/api/v1/auth/two-factor')).json()).toMatchObject({ available: false, enabled: false });
  });
});

describe('signing in with two-factor on', () => {
  it('the password alone opens no session; the code from the app completes the sign-in', async () => {
    const { c, secret, passwordStep, codeStep } = await enrolled();
    const first = await passwordStep();
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ secondFactorRequired: true, methods: ['totp', 'recovery_code'] });
    expect(cookieFrom(first, SESSION)).toBeUndefined();
    const signIn = cookieFrom(first, SIGN_IN);
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly/i);
    expect(String(first.headers['set-cookie'])).toMatch(/Path=\/api\/v1\/auth\/login/);
    expect((await meWith(signIn)).statusCode).toBe(401);

    expect((await codeStep(signIn, '000000')).statusCode).toBe(401);
    expect((await codeStep(undefined, await totpCode(secret, t.clock))).statusCode).toBe(401); // not from this browser
    const done = await codeStep(signIn, await totpCode(secret, t.clock));
    expect(done.statusCode).toBe(200);
    expect(done.json().user.id).toBe(c.user.id);
    const session = cookieFrom(done, SESSION);
    expect((await meWith(session)).json().user.id).toBe(c.user.id);
    expect(cookieFrom(done, SIGN_IN)).toBe(`${SIGN_IN}=`); // cleared

    // The pending sign-in is spent.
    expect((await codeStep(signIn, await totpCode(secret, t.clock, 1))).statusCode).toBe(401);
  });

  it('accepts the next code for a phone clock a little ahead, but never the same code twice', async () => {
    const { secret, passwordStep, codeStep } = await enrolled();
    const code = await totpCode(secret, t.clock);
    expect((await codeStep(cookieFrom(await passwordStep(), SIGN_IN), code)).statusCode).toBe(200);
    const replay = await codeStep(cookieFrom(await passwordStep(), SIGN_IN), code);
    expect(replay.statusCode).toBe(401);
    const ahead = await codeStep(cookieFrom(await passwordStep(), SIGN_IN), await totpCode(secret, t.clock, 1));
    expect(ahead.statusCode).toBe(200);
    t.clock.advance(3 * 30_000);
    expect((await codeStep(cookieFrom(await passwordStep(), SIGN_IN), await totpCode(secret, t.clock))).statusCode).toBe(200);
  });

  it('a recovery code signs in once, is recorded in the audit log, and leaves nine', async () => {
    const { c, recoveryCodes, passwordStep, codeStep } = await enrolled('finance');
    const typed = ` ${recoveryCodes[3].toUpperCase().replace('-', ' ')} `; // as someone types it off paper
    const done = await codeStep(cookieFrom(await passwordStep(), SIGN_IN), typed, 'recovery-code');
    expect(done.statusCode).toBe(200);
    const reused = await codeStep(cookieFrom(await passwordStep(), SIGN_IN), recoveryCodes[3], 'recovery-code');
    expect(reused.statusCode).toBe(401);
    expect(reused.json().detail).toMatch(/recovery code/);

    const session = cookieFrom(done, SESSION)!;
    const status = await t.app.inject({ method: 'GET', url: '/api/v1/auth/two-factor', headers: { cookie: session } });
    expect(status.json().recoveryCodesLeft).toBe(9);
    const [entry] = await auditEntries(t, `recordType=two_factor&recordId=${c.user.id}`);
    expect(entry).toMatchObject({ action: 'update', actorId: c.user.id, changes: { recoveryCodesLeft: { before: 10, after: 9 } } });
  });

  it('ends a pending sign-in after five wrong codes and after five minutes', async () => {
    const { secret, passwordStep, codeStep } = await enrolled();
    const signIn = cookieFrom(await passwordStep(), SIGN_IN);
    for (let i = 0; i < 5; i++) expect((await codeStep(signIn, '000000')).statusCode).toBe(401);
    const late = await codeStep(signIn, await totpCode(secret, t.clock));
    expect(late.statusCode).toBe(401);
    expect(late.json().detail).toMatch(/expired/);

    const slow = cookieFrom(await passwordStep(), SIGN_IN);
    t.clock.advance(5 * 60_000 + 1000);
    expect((await codeStep(slow, await totpCode(secret, t.clock))).json().detail).toMatch(/expired/);
    // Expired pending sign-ins are cleared as new ones start.
    await passwordStep();
    const left = await t.database.db.selectFrom('login_challenges').select('expires_at').execute();
    expect(left.every((c) => c.expires_at > t.clock.now().toISOString())).toBe(true);
  });

  it('limits wrong codes for an account across pending sign-ins, with Retry-After', async () => {
    const { secret, passwordStep, codeStep } = await enrolled();
    for (let i = 0; i < LOGIN_LIMITS.secondFactorPerAccount; i++) {
      expect((await codeStep(cookieFrom(await passwordStep(), SIGN_IN), '000000')).statusCode).toBe(401);
    }
    const limited = await codeStep(cookieFrom(await passwordStep(), SIGN_IN), await totpCode(secret, t.clock));
    expectProblem(limited, 429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(16 * 60_000);
    expect((await codeStep(cookieFrom(await passwordStep(), SIGN_IN), await totpCode(secret, t.clock))).statusCode).toBe(200);
  });
});

describe('managing it', () => {
  const proofFailure = async (c: Caller, url: string, body: unknown, field: string) => {
    const res = await c.post(url, body);
    expect(expectProblem(res, 400, field).errors[0].code).toMatch(/^twoFactor\.(wrong_proof_code|wrong_password|proof_required)$/);
  };

  it('turning it off needs a current code or the password, and signing in is one step again', async () => {
    const { c, secret } = await enrolled();
    await proofFailure(c, '/api/v1/auth/two-factor/disable', {}, 'code');
    await proofFailure(c, '/api/v1/auth/two-factor/disable', { password: 'Not-The-Password-1' }, 'password');
    await proofFailure(c, '/api/v1/auth/two-factor/disable', { code: '000000' }, 'code');
    expect((await c.get('/api/v1/auth/two-factor')).json().enabled).toBe(true);

    expect((await c.post('/api/v1/auth/two-factor/disable', { code: await totpCode(secret, t.clock) })).statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/two-factor')).json()).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect((await t.login(c.user.email)).statusCode).toBe(200);
    const [entry] = await auditEntries(t, `recordType=two_factor&recordId=${c.user.id}`);
    expect(entry).toMatchObject({ action: 'delete', actorId: c.user.id, changes: { enabled: { before: true, after: false } } });
  });

  it('new recovery codes replace the old ones', async () => {
    const { c, recoveryCodes, passwordStep, codeStep } = await enrolled('admin');
    const res = await c.post('/api/v1/auth/two-factor/recovery-codes', { password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const fresh: string[] = res.json().recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[0]);
    expect((await codeStep(cookieFrom(await passwordStep(), SIGN_IN), recoveryCodes[0], 'recovery-code')).statusCode).toBe(401);
    expect((await codeStep(cookieFrom(await passwordStep(), SIGN_IN), fresh[0], 'recovery-code')).statusCode).toBe(200);
    const [used, regenerated] = await auditEntries(t, `recordType=two_factor&recordId=${c.user.id}`);
    expect(used.changes.recoveryCodesLeft).toEqual({ before: 10, after: 9 });
    expect(regenerated.changes.recoveryCodesRegeneratedAt).toEqual({ before: null, after: t.clock.now().toISOString() });
  });

  it('an admin can turn it off for a user who lost their phone; others cannot', async () => {
    const { c, passwordStep } = await enrolled('specialist');
    const colleague = await t.signIn('account_manager');
    expectProblem(await colleague.delete(`/api/v1/users/${c.user.id}/two-factor`), 403);
    expect((await t.admin.delete(`/api/v1/users/${c.user.id}/two-factor`)).statusCode).toBe(204);
    expect((await passwordStep()).statusCode).toBe(200);
    expectProblem(await t.admin.delete(`/api/v1/users/${c.user.id}/two-factor`), 409);
    const [entry] = await auditEntries(t, `recordType=two_factor&recordId=${c.user.id}`);
    expect(entry).toMatchObject({ action: 'delete', actorId: t.admin.user.id });
  });
});
