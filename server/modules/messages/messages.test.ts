import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../../common/schemas/message.js';
import type { TimelineEntry } from '../../../common/schemas/timeline.js';
import { newId } from '../../lib/ids.js';
import { emailTo } from '../../test/emailed-links.js';
import { createProject } from '../../test/delivery-fixtures.js';
import { auditEntries, expectNoWrite, expectProblem, fetchAllPages } from '../../test/fixtures.js';
import { createTestApp, countRows, type TestApp } from '../../test/harness.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import { buildWorld, type World } from '../../test/world.js';
import { MESSAGE_BODY_LIMIT } from './message.routes.js';

const PUBLIC_URL = 'https://crm.agency.example';
const MARKUP = '<b>Urgent</b> & <script>alert("x")</script> <img src=x onerror=alert(1)>';

let t: TestApp;
let sink: SmtpSink;
let w: World;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ smtpUrl: sink.url, publicUrl: PUBLIC_URL });
  w = await buildWorld(t);
  // The backup manager reads Russian, the owner English.
  const me = await w.as.backup.get('/api/v1/auth/me');
  expect((await w.as.backup.patch('/api/v1/auth/me', { language: 'ru' }, { 'if-match': `"${me.json().user.version}"` })).statusCode).toBe(
    200,
  );
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

const write = (by = w.as.clientA, payload: Record<string, unknown> = {}) => {
  t.clock.advance(60_000);
  return by.post('/api/v1/messages', { body: 'Can we move the launch to May?', ...payload });
};

async function timeline(): Promise<Extract<TimelineEntry, { entryType: 'event' }>[]> {
  const res = await w.as.owner.get(`/api/v1/accounts/${w.accountA.id}/timeline?limit=200`);
  return (res.json().items as TimelineEntry[]).flatMap((e) => (e.entryType === 'event' ? [e] : []));
}

describe('a client writing to their manager', () => {
  it('stores the message as typed, markup included, and shows it as text', async () => {
    sink.clear();
    const res = await write(w.as.clientA, { body: `  ${MARKUP}\nSecond line  ` });
    expect(res.statusCode, res.body).toBe(201);
    const message: Message = res.json();
    expect(message).toMatchObject({
      accountId: w.accountA.id,
      projectId: null,
      author: { id: w.as.clientA.user.id, name: w.as.clientA.user.name, fromClient: true },
      body: `${MARKUP}\nSecond line`,
    });
    const thread = await w.as.owner.get(`/api/v1/messages?accountId=${w.accountA.id}`);
    expect(thread.json().items[0].body).toBe(`${MARKUP}\nSecond line`);
  });

  it('emails the manager and the backup manager, each in their language, the words escaped in the HTML part', async () => {
    const toOwner = emailTo(sink, w.as.owner.user.email);
    expect(toOwner.subject).toBe('New request from Alpha Works');
    expect(toOwner.text).toContain(`${w.as.clientA.user.name} (Alpha Works) wrote:`);
    expect(toOwner.text).toContain(MARKUP);
    expect(toOwner.text).toContain(`${PUBLIC_URL}/accounts/${w.accountA.id}?tab=requests`);
    expect(toOwner.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(toOwner.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(toOwner.html).not.toMatch(/<script|<img|<b>/);

    const toBackup = emailTo(sink, w.as.backup.user.email);
    expect(toBackup.subject).toBe('Новый запрос от клиента Alpha Works');
    expect(toBackup.text).toContain('пишет:');
    expect(toBackup.html).toContain('Ответить на странице клиента');
    // Nobody else hears of it: not the client, not the manager of another company.
    expect(sink.messages).toHaveLength(2);
  });

  it('puts the message on the account’s timeline, the emails too, and in the audit log', async () => {
    const events = await timeline();
    const received = events.find((e) => e.kind === 'request_received')!;
    expect(received).toMatchObject({ actorId: w.as.clientA.user.id, data: { name: w.as.clientA.user.name } });
    // One line: the markup as characters, never as elements (the web shows it as text).
    expect(received.data.text).toBe(`${MARKUP} Second line`);
    const emailed = events.filter((e) => e.kind === 'request_emailed').map((e) => e.data.name);
    expect(emailed.sort()).toEqual([w.as.owner.user.name, w.as.backup.user.name].sort());
    const audit = await auditEntries(t, `recordId=${String(received.data.messageId)}`);
    expect(audit.map((a) => [a.recordType, a.action, a.actorId])).toEqual([['client_message', 'create', w.as.clientA.user.id]]);
  });

  it('sends its own emails at once and leaves the rest of the queue to the delivery round', async () => {
    sink.clear();
    const other = newId();
    const now = t.clock.now().toISOString();
    await t.database.db
      .insertInto('email_outbox')
      .values({
        id: other,
        account_id: null,
        purpose: 'unrelated',
        purpose_date: null,
        to_address: 'someone@elsewhere.test',
        subject: 'Not this request’s',
        text_body: 'x',
        html_body: '<p>x</p>',
        attachments: '[]',
        data: '{}',
        headers: null,
        status: 'pending',
        last_error: null,
        next_attempt_at: now,
        sent_at: null,
        message_id: null,
        created_at: now,
      })
      .execute();
    expect((await write()).statusCode).toBe(201);
    expect(sink.messages.flatMap((m) => (m.to && !Array.isArray(m.to) ? m.to.value.map((a) => a.address) : [])).sort()).toEqual(
      [w.as.owner.user.email, w.as.backup.user.email].sort(),
    );
    const waiting = await t.database.db.selectFrom('email_outbox').select('status').where('id', '=', other).executeTakeFirstOrThrow();
    expect(waiting.status).toBe('pending');
    await t.database.db.deleteFrom('email_outbox').where('id', '=', other).execute();
  });

  it('files the message under a project of the company, and the thread can be read by project', async () => {
    const project = await createProject(w.as.owner, w.accountA.id, { name: 'Spring campaign' });
    sink.clear();
    const res = await write(w.as.clientA, { projectId: project.id, body: 'About the spring banners' });
    expect(res.json()).toMatchObject({ projectId: project.id, projectName: 'Spring campaign' });
    expect(emailTo(sink, w.as.owner.user.email).text).toContain('Project: Spring campaign');
    expect(emailTo(sink, w.as.backup.user.email).text).toContain('Проект: Spring campaign');

    const byProject = await w.as.clientA.get(`/api/v1/messages?projectId=${project.id}`);
    expect(byProject.json().items.map((m: Message) => m.body)).toEqual(['About the spring banners']);
    // A project of another company is refused, whoever asks.
    const other = await createProject(w.as.nonOwner, w.accountB.id);
    expectProblem(await write(w.as.clientA, { projectId: other.id }), 400, 'projectId');
    expectProblem(await w.as.owner.get(`/api/v1/messages?accountId=${w.accountA.id}&projectId=${other.id}`), 400, 'projectId');
  });
});

describe('the agency answering', () => {
  it('stores the answer, puts it on the timeline, emails nobody at once and queues a notice for the company’s people', async () => {
    const portal = await w.as.owner.post('/api/v1/contacts', {
      accountId: w.accountA.id,
      firstName: 'Olga',
      email: 'olga@client-a.test',
      portalAccess: true,
    });
    expect(portal.statusCode, portal.body).toBe(201);
    sink.clear();
    const res = await write(w.as.owner, { accountId: w.accountA.id, body: 'Yes, May works. <i>Cheers</i>' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().author).toEqual({ id: w.as.owner.user.id, name: w.as.owner.user.name, fromClient: false });
    expect(sink.messages).toHaveLength(0);
    const answered = (await timeline()).find((e) => e.kind === 'request_answered')!;
    expect(answered.data).toMatchObject({ messageId: res.json().id, text: 'Yes, May works. <i>Cheers</i>' });

    // The company's portal people are told in their next notification digest, not by an email now.
    const told = await t.database.db
      .selectFrom('client_notifications')
      .select(['contact_id', 'kind', 'path'])
      .where('subject_id', '=', res.json().id)
      .execute();
    expect(told).toEqual([{ contact_id: portal.json().id, kind: 'request_reply', path: '/portal/requests' }]);
  });

  it('shows the client the whole thread newest first, page by page', async () => {
    const all = await fetchAllPages<Message>(w.as.clientA, '/api/v1/messages?limit=2');
    expect(all[0].body).toBe('Yes, May works. <i>Cheers</i>');
    expect(all.map((m) => m.createdAt)).toEqual([...all.map((m) => m.createdAt)].sort().reverse());
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(new Set(all.map((m) => m.id)).size).toBe(all.length);
  });

  it('requires staff to name the company', async () => {
    const body = expectProblem(await w.as.owner.get('/api/v1/messages'), 400, 'accountId');
    expect(body.code).toBe('message.account_required');
    expectProblem(await w.as.owner.post('/api/v1/messages', { body: 'Hello' }), 400, 'accountId');
  });
});

describe('messages the thread does not take', () => {
  it.each([
    ['an empty body', ''],
    ['only spaces and line breaks', '  \n\t '],
  ])('refuses %s with 400 and writes nothing', async (_what, body) => {
    const res = await expectNoWrite(t, () => w.as.clientA.post('/api/v1/messages', { body }));
    expect(expectProblem(res, 400, 'body').errors[0].code).toBe('message.body_required');
  });

  it('takes 10,000 characters and refuses 10,001 with 413 and its length, writing nothing', async () => {
    const before = await countRows(t, 'client_messages');
    expect((await write(w.as.clientA, { body: 'я'.repeat(10_000) })).statusCode).toBe(201);
    const res = await expectNoWrite(t, () => w.as.clientA.post('/api/v1/messages', { body: 'я'.repeat(10_001) }));
    const problem = expectProblem(res, 413);
    expect(problem.code).toBe('message.too_long');
    expect(problem.detail).toContain('10001');
    expect(await countRows(t, 'client_messages')).toBe(before + 1);
  });

  it('answers 413 problem+json to a body beyond the request limit', async () => {
    const payload = JSON.stringify({ body: 'x'.repeat(MESSAGE_BODY_LIMIT) });
    const res = await w.as.clientA.request('POST', '/api/v1/messages', payload, { 'content-type': 'application/json' });
    expect(expectProblem(res, 413).code).toBe('request.body_too_large');
  });

  it('refuses fields it does not take', async () => {
    expectProblem(await w.as.clientA.post('/api/v1/messages', { body: 'Hi', authorId: w.as.owner.user.id }), 400);
  });
});
