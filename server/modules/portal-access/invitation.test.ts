import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../../common/schemas/contact.js';
import type { TimelineEntry } from '../../../common/schemas/timeline.js';
import { sha256 } from '../../lib/ids.js';
import { emailTo, linkIn } from '../../test/emailed-links.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import { VIEWERS, buildWorld, type World } from '../../test/world.js';
import { INVITATION_TTL_MS } from './invitation.service.js';

const PUBLIC_URL = 'https://portal.agency.example';
const CHOSEN = 'Quiet-Harbour-Lantern-58';

let t: TestApp;
let sink: SmtpSink;
let w: World;
let seq = 0;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ smtpUrl: sink.url, publicUrl: PUBLIC_URL });
  w = await buildWorld(t);
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

/** A contact of company A with an address of their own. */
async function contactOfA(extra: Record<string, unknown> = {}): Promise<Contact> {
  seq += 1;
  const res = await w.as.owner.post('/api/v1/contacts', {
    accountId: w.accountA.id,
    firstName: 'Olga',
    lastName: `Invited${seq}`,
    email: `olga.${seq}@client.test`,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const invite = (by: Caller, contactId: string, headers?: Record<string, string>) =>
  by.post(`/api/v1/contacts/${contactId}/invite`, undefined, headers);
const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers });
const preview = (token: string) => post('/api/v1/auth/invitations/preview', { token });
const accept = (token: string, password = CHOSEN) => post('/api/v1/auth/invitations/accept', { token, password });
const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie']).split(';')[0];
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

/** Invites the contact as its account's manager and answers the link the contact received. */
async function invited(contact: Contact): Promise<{ token: string; url: string }> {
  sink.clear();
  expect((await invite(w.as.owner, contact.id)).statusCode).toBe(201);
  return linkIn(emailTo(sink, contact.email!), '/invitation');
}

async function timelineKinds(): Promise<string[]> {
  const res = await w.as.owner.get(`/api/v1/accounts/${w.accountA.id}/timeline?limit=200`);
  return (res.json().items as TimelineEntry[]).flatMap((e) => (e.entryType === 'event' ? [e.kind] : []));
}

describe('inviting a contact to the client portal', () => {
  it('emails the contact in their language a link from PUBLIC_URL that lets them in once', async () => {
    const contact = await contactOfA({ language: 'ru' });
    // The request's Host has no say in the link.
    const res = await invite(w.as.owner, contact.id, { host: 'attacker.example', 'x-forwarded-host': 'attacker.example' });
    expect(res.statusCode, res.body).toBe(201);
    const invitation = res.json();
    expect(invitation).toMatchObject({ contactId: contact.id, email: contact.email, status: 'pending', acceptedAt: null });
    expect(Date.parse(invitation.expiresAt) - t.clock.now().getTime()).toBe(INVITATION_TTL_MS);

    const mail = emailTo(sink, contact.email!);
    expect(mail.subject).toBe('Приглашение в клиентский портал: Alpha Works');
    expect(mail.text).toContain('Здравствуйте, Olga Invited');
    expect(mail.html).toContain('Задать пароль');
    const { url, token } = linkIn(mail, '/invitation');
    expect(url.startsWith(`${PUBLIC_URL}/invitation#token=`)).toBe(true);
    expect(`${mail.text}${mail.html}`).not.toContain('attacker.example');

    // Only the token's hash is kept; the stored copy of the email no longer carries it.
    const stored = await t.database.db
      .selectFrom('portal_invitations')
      .selectAll()
      .where('id', '=', invitation.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(sha256(token));
    const outbox = await t.database.db.selectFrom('email_outbox').selectAll().where('id', '=', stored.email_id!).executeTakeFirstOrThrow();
    expect(outbox.status).toBe('sent');
    expect(`${outbox.text_body}${outbox.html_body}${outbox.data}`).not.toContain(token);

    expect((await preview(token)).json()).toEqual({
      name: `Olga Invited${seq}`,
      email: contact.email,
      accountName: 'Alpha Works',
      language: 'ru',
      expiresAt: invitation.expiresAt,
    });

    // A password the rules refuse says why, and the link still works.
    expectProblem(await accept(token, 'olga12345678'), 400, 'password');
    expect((await preview(token)).statusCode).toBe(200);

    const accepted = await accept(token);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().user).toMatchObject({ role: 'client', email: contact.email, accountId: w.accountA.id, language: 'ru' });
    expect((await me(cookieOf(accepted))).statusCode).toBe(200);
    expect((await w.as.owner.get(`/api/v1/contacts/${contact.id}`)).json().portalAccess).toBe(true);
    expect((await t.login(contact.email!, CHOSEN)).statusCode).toBe(200);
    expect((await w.as.owner.get(`/api/v1/contacts/${contact.id}/invitation`)).json().invitation).toMatchObject({ status: 'accepted' });

    // Once only.
    for (const again of [await accept(token, 'Another-Calm-River-77'), await preview(token)]) {
      expect(expectProblem(again, 410).code).toBe('invitation.link_used');
    }
    expect((await t.login(contact.email!, 'Another-Calm-River-77')).statusCode).toBe(401);

    expect(await timelineKinds()).toEqual(expect.arrayContaining(['portal_invited', 'portal_invitation_emailed', 'portal_joined']));
    const audit = (await t.admin.get(`/api/v1/audit-log?recordType=portal_invitation&recordId=${invitation.id}`)).json().items;
    expect(audit.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update']);
  });

  it('re-inviting makes the earlier link stop working', async () => {
    const contact = await contactOfA();
    const first = await invited(contact);
    const second = await invited(contact);
    expect(expectProblem(await preview(first.token), 410).code).toBe('invitation.link_replaced');
    expect(expectProblem(await accept(first.token), 410).code).toBe('invitation.link_replaced');
    expect((await accept(second.token)).statusCode).toBe(200);
  });

  it('a link fails once its 7 days are over', async () => {
    const contact = await contactOfA();
    const { token } = await invited(contact);
    const start = t.clock.now();
    t.clock.advance(INVITATION_TTL_MS - 60_000);
    expect((await preview(token)).statusCode).toBe(200);
    await w.as.owner.get('/api/v1/auth/me'); // the manager's session lives on past its week
    t.clock.advance(2 * 60_000);
    try {
      expect(expectProblem(await preview(token), 410).code).toBe('invitation.link_expired');
      expect(expectProblem(await accept(token), 410).code).toBe('invitation.link_expired');
      expect((await w.as.owner.get(`/api/v1/contacts/${contact.id}/invitation`)).json().invitation.status).toBe('expired');
      // A new invitation works.
      expect((await accept((await invited(contact)).token)).statusCode).toBe(200);
    } finally {
      // Back to the day the other tests live in (their sessions last a week).
      t.clock.set(start.toISOString());
    }
  });

  it('turning portal access off ends the client user’s sessions at once, and a new invitation brings the same user back', async () => {
    const contact = await contactOfA();
    const accepted = await accept((await invited(contact)).token);
    const cookie = cookieOf(accepted);
    const userId = accepted.json().user.id;
    expect((await me(cookie)).statusCode).toBe(200);

    const current = (await w.as.owner.get(`/api/v1/contacts/${contact.id}`)).json();
    const off = await w.as.owner.patch(`/api/v1/contacts/${contact.id}`, { portalAccess: false }, { 'if-match': `"${current.version}"` });
    expect(off.statusCode, off.body).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await t.login(contact.email!, CHOSEN)).statusCode).toBe(401);
    expect(await timelineKinds()).toContain('portal_access_revoked');

    const back = await accept((await invited(contact)).token, 'Second-Bright-Meadow-31');
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().user.id).toBe(userId);
    expect((await t.login(contact.email!, 'Second-Bright-Meadow-31')).statusCode).toBe(200);
  });

  it('turning portal access off withdraws a pending invitation', async () => {
    const contact = await contactOfA({ portalAccess: true });
    const { token } = await invited(contact);
    const off = await w.as.owner.patch(`/api/v1/contacts/${contact.id}`, { portalAccess: false }, { 'if-match': `"${contact.version}"` });
    expect(off.statusCode, off.body).toBe(200);
    expect(expectProblem(await accept(token), 410).code).toBe('invitation.link_withdrawn');
    expect((await w.as.owner.get(`/api/v1/contacts/${contact.id}/invitation`)).json().invitation.status).toBe('withdrawn');
  });

  it('a link stops working when the contact’s address changes', async () => {
    const contact = await contactOfA();
    const { token } = await invited(contact);
    const moved = await w.as.owner.patch(
      `/api/v1/contacts/${contact.id}`,
      { email: 'olga.new@client.test' },
      { 'if-match': `"${contact.version}"` },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(expectProblem(await accept(token), 410).code).toBe('invitation.link_withdrawn');
  });
});

describe('who may invite', () => {
  it('the account’s manager and admins; a backup or finance 403, a manager of another account 404, others 403', async () => {
    const expected = { admin: 201, owner: 201, backup: 403, nonOwner: 404, finance: 403, specialist: 403, clientA: 403, clientB: 403 };
    for (const viewer of VIEWERS) {
      const contact = await contactOfA();
      sink.clear();
      const res = await invite(w.as[viewer], contact.id);
      expect(res.statusCode, `${viewer}: ${res.body}`).toBe(expected[viewer]);
      expect(sink.messages.length, viewer).toBe(expected[viewer] === 201 ? 1 : 0);
      const state = await w.as[viewer].get(`/api/v1/contacts/${contact.id}/invitation`);
      expect(state.statusCode, viewer).toBe(['admin', 'owner', 'backup', 'finance'].includes(viewer) ? 200 : 404);
    }
  });
});

describe('bad input', () => {
  it('a contact without an email address answers 422 and sends nothing', async () => {
    const res = await w.as.owner.post('/api/v1/contacts', { accountId: w.accountA.id, firstName: 'Nomail' });
    sink.clear();
    expect(expectProblem(await invite(w.as.owner, res.json().id), 422).code).toBe('invitation.contact_without_email');
    expect(sink.messages).toHaveLength(0);
  });

  it('an address that is another user’s answers 409', async () => {
    const contact = await contactOfA({ email: w.as.finance.user.email });
    const body = expectProblem(await invite(w.as.owner, contact.id), 409);
    expect(body.code).toBe('invitation.email_in_use');
  });

  it('a forged or mangled link answers 400 with the code that says what to do, and never 500', async () => {
    for (const token of ['forged-token-000000000000000000000000000', ' ', 'x'.repeat(500)]) {
      for (const res of [await preview(token), await accept(token)]) {
        expect(expectProblem(res, 400).code, token).toBe('invitation.link_invalid');
      }
    }
    const ru = await post('/api/v1/auth/invitations/preview', { token: 'forged' }, { 'accept-language': 'ru' });
    expect(ru.json().detail).toMatch(/^Ссылка-приглашение недействительна/);
  });

  it('without PUBLIC_URL no link can be built: 409 with the setting to ask for', async () => {
    const bare = await createTestApp({ smtpUrl: sink.url });
    try {
      const account = await bare.createAccount(bare.admin);
      const contact = await bare.createContact(bare.admin, account.id, 'Lone');
      const body = expectProblem(await bare.admin.post(`/api/v1/contacts/${contact.id}/invite`), 409);
      expect(body.code).toBe('invitation.public_url_missing');
    } finally {
      await bare.close();
    }
  });
});
