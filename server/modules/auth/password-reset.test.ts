import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../lib/ids.js';
import { emailTo, linkIn } from '../../test/emailed-links.js';
import { expectProblem } from '../../test/fixtures.js';
import { PASSWORD, createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import { LINK_LIMITS } from './link-attempts.js';
import { RESET_LINK_TTL_MS } from './password-reset.service.js';

const PUBLIC_URL = 'https://liaison.agency.example';
const NEW_PASSWORD = 'Violet-Canyon-Ferry-64';

let t: TestApp;
let sink: SmtpSink;
let seq = 0;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ smtpUrl: sink.url, publicUrl: PUBLIC_URL });
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

/** Each test asks from an address of its own, so the per-address limits of one do not reach another. */
const nextAddress = () => `203.0.113.${++seq}`;

const post = (url: string, payload: object, opts: { address?: string; headers?: Record<string, string> } = {}) =>
  t.app.inject({ method: 'POST', url, payload, remoteAddress: opts.address ?? '192.0.2.1', headers: opts.headers });
/** Asks for a link and waits until the request has been worked out (the email sent, if any). */
async function askForLink(email: string, address = nextAddress()) {
  const res = await post('/api/v1/auth/password-reset', { email }, { address });
  await t.app.services.resets.whenIdle();
  return res;
}
const preview = (token: string) => post('/api/v1/auth/password-reset/preview', { token });
const confirm = (token: string, password = NEW_PASSWORD, headers?: Record<string, string>) =>
  post('/api/v1/auth/password-reset/confirm', { token, password }, { headers });
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

/** A user asks for a link and receives it. */
async function linkFor(user: Caller) {
  sink.clear();
  expect((await askForLink(user.user.email)).statusCode).toBe(202);
  return linkIn(emailTo(sink, user.user.email), '/reset-password');
}

describe('password reset by email', () => {
  it('emails a link from PUBLIC_URL that sets a new password once, and ends every session', async () => {
    const user = await t.signIn('account_manager');
    const elsewhere = await t.signIn('account_manager', { email: `other.${seq}@example.test` });
    const secondDevice = (await t.login(user.user.email)).headers['set-cookie'];
    sink.clear();
    const asked = await post('/api/v1/auth/password-reset', { email: user.user.email }, { headers: { host: 'attacker.example' } });
    expect(asked.statusCode).toBe(202);
    await t.app.services.resets.whenIdle();
    const mail = emailTo(sink, user.user.email);
    expect(mail.subject).toBe('Choose a new Liaison password');
    expect(mail.text).toContain(`Hello, ${user.user.name}!`);
    const { url, token } = linkIn(mail, '/reset-password');
    expect(url.startsWith(`${PUBLIC_URL}/reset-password#token=`)).toBe(true);
    expect(`${mail.text}${mail.html}`).not.toContain('attacker.example');

    // The link is 32 random bytes; only its SHA-256 is kept, and the stored email no longer carries it.
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const stored = await t.database.db.selectFrom('password_reset_tokens').selectAll().where('token_hash', '=', sha256(token)).execute();
    expect(stored).toHaveLength(1);
    const outbox = await t.database.db
      .selectFrom('email_outbox')
      .selectAll()
      .where('to_address', '=', user.user.email)
      .executeTakeFirstOrThrow();
    expect(`${outbox.text_body}${outbox.html_body}${outbox.data}`).not.toContain(token);

    expect((await preview(token)).json()).toMatchObject({ email: user.user.email, name: user.user.name, language: 'en' });
    // A password the rules refuse says why; the link still works.
    expectProblem(await confirm(token, 'password123'), 400, 'password');
    expect((await preview(token)).statusCode).toBe(200);

    const done = await confirm(token);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ signedIn: false });
    expect(done.headers['set-cookie']).toBeUndefined();
    expect((await user.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await me(String(secondDevice).split(';')[0])).statusCode).toBe(401);
    expect((await elsewhere.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await t.login(user.user.email, PASSWORD)).statusCode).toBe(401);
    expect((await t.login(user.user.email, NEW_PASSWORD)).statusCode).toBe(200);

    for (const again of [await confirm(token, 'Another-Quiet-Orchard-19'), await preview(token)]) {
      expect(expectProblem(again, 410).code).toBe('password_reset.link_used');
    }
    const audit = (await t.admin.get(`/api/v1/audit-log?recordType=user&recordId=${user.user.id}`)).json().items;
    expect(audit[0].changes).toHaveProperty('passwordChangedAt');
  });

  it('keeps the session the new password was chosen from (under a new id), and ends every other one', async () => {
    const user = await t.signIn('finance');
    const other = (await t.login(user.user.email)).headers['set-cookie'];
    const { token } = await linkFor(user);
    const done = await confirm(token, NEW_PASSWORD, { cookie: user.cookie });
    expect(done.json()).toEqual({ signedIn: true });
    const fresh = String(done.headers['set-cookie']).split(';')[0];
    expect(fresh).not.toBe(user.cookie);
    expect((await me(fresh)).statusCode).toBe(200);
    expect((await user.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await me(String(other).split(';')[0])).statusCode).toBe(401);
  });

  it('a link fails after its hour, and using one link ends the user’s others', async () => {
    const user = await t.signIn('specialist');
    const late = await linkFor(user);
    t.clock.advance(RESET_LINK_TTL_MS - 60_000);
    expect((await preview(late.token)).statusCode).toBe(200);
    const first = await linkFor(user);
    const second = await linkFor(user);
    t.clock.advance(2 * 60_000);
    expect(expectProblem(await confirm(late.token), 410).code).toBe('password_reset.link_expired');
    expect((await confirm(first.token)).statusCode).toBe(200);
    expect(expectProblem(await confirm(second.token), 410).code).toBe('password_reset.link_used');
  });

  it('writes to a user in their language', async () => {
    const user = await t.signIn('account_manager');
    expect((await user.patch('/api/v1/auth/me', { language: 'ru' }, { 'if-match': `"${user.user.version}"` })).statusCode).toBe(200);
    sink.clear();
    await askForLink(user.user.email);
    const mail = emailTo(sink, user.user.email);
    expect(mail.subject).toBe('Смена пароля в Liaison');
    expect(mail.text).toContain('Задать новый пароль');
    expect(mail.html).toContain('Задать новый пароль');
  });
});

describe('the same answer for any address', () => {
  it('answers an unknown, a deactivated and a known address alike, and writes only to the known one', async () => {
    const known = await t.signIn('account_manager');
    const gone = await t.signIn('account_manager');
    const current = (await t.admin.get(`/api/v1/users/${gone.user.id}`)).json();
    expect(
      (await t.admin.patch(`/api/v1/users/${gone.user.id}`, { active: false }, { 'if-match': `"${current.version}"` })).statusCode,
    ).toBe(200);
    sink.clear();
    const answers = [];
    for (const email of [known.user.email, 'nobody.at.all@example.test', gone.user.email]) {
      const res = await askForLink(email);
      answers.push({ status: res.statusCode, body: res.body, type: res.headers['content-type'], cookie: res.headers['set-cookie'] });
    }
    expect(answers[0]).toEqual({ status: 202, body: '{"accepted":true}', type: 'application/json; charset=utf-8', cookie: undefined });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(sink.messages.map((m) => m.to && (Array.isArray(m.to) ? m.to[0] : m.to).text)).toEqual([known.user.email]);
  });
});

describe('limits and bad links', () => {
  it('limits requests per email and per client address with 429 problem+json and Retry-After, the same for unknown emails', async () => {
    for (const email of [(await t.signIn('finance')).user.email, 'stranger@example.test']) {
      const statuses = [];
      for (let i = 0; i <= LINK_LIMITS.resetRequestsPerEmail; i++) statuses.push((await askForLink(email)).statusCode);
      expect(statuses).toEqual([...Array(LINK_LIMITS.resetRequestsPerEmail).fill(202), 429]);
    }
    const address = nextAddress();
    const statuses = [];
    for (let i = 0; i <= LINK_LIMITS.resetRequestsPerAddress; i++)
      statuses.push((await askForLink(`n${i}@example.test`, address)).statusCode);
    expect(statuses.at(-1)).toBe(429);
    const limited = await askForLink('fresh@example.test', address);
    expectProblem(limited, 429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
  });

  it('a forged link answers 400 with a code saying what to do; too many from one address answer 429', async () => {
    const address = nextAddress();
    const statuses = [];
    for (let i = 0; i <= LINK_LIMITS.badLinksPerAddress; i++) {
      const res = await post('/api/v1/auth/password-reset/confirm', { token: `forged-${i}`, password: NEW_PASSWORD }, { address });
      statuses.push(res.statusCode);
      if (res.statusCode === 400) expect(res.json().code).toBe('password_reset.link_invalid');
    }
    expect(statuses).toEqual([...Array(LINK_LIMITS.badLinksPerAddress).fill(400), 429]);
    const ru = await post('/api/v1/auth/password-reset/preview', { token: 'forged' }, { headers: { 'accept-language': 'ru' } });
    expect(ru.json().detail).toMatch(/^Ссылка для смены пароля недействительна/);
  });
});
