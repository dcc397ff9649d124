import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuedInvoice } from '../../test/billing-fixtures.js';
import { createMilestone, createProject } from '../../test/delivery-fixtures.js';
import { createDocument, sendDocument } from '../../test/document-fixtures.js';
import { expectProblem } from '../../test/fixtures.js';
import { testDatabaseUrl } from '../../test/database.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { startSecondInstance, type SecondInstance } from '../../test/second-instance.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import { CLIENT_DIGEST_JOB, COALESCE_MS } from './index.js';

/**
 * Notifications to clients: each event queues a notice for the right contacts only; the
 * digest job sends at most one email a day per contact, in their language, with links into the
 * portal and one-click unsubscribe headers; choices and unsubscribing are respected.
 */
let sink: SmtpSink;
let t: TestApp;
let manager: Caller;
let second: SecondInstance;
// A file rather than memory on SQLite, so a second instance of the app can open the same database.
const dir = testDatabaseUrl() ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-notify-'));
const PUBLIC = 'https://crm.agency.test';
const MINUTE = 60_000;

beforeAll(async () => {
  sink = await startSmtpSink();
  // 09:00 UTC (the agency's zone): past the morning hour, so a day's first digest goes once its burst settles.
  const sqlitePath = dir ? path.join(dir, 'notify.sqlite') : undefined;
  t = await createTestApp({ smtpUrl: sink.url, publicUrl: PUBLIC, now: '2026-03-02T09:00:00.000Z', sqlitePath });
  manager = await t.signIn('account_manager');
  second = await startSecondInstance(t, { smtpUrl: sink.url, publicUrl: PUBLIC });
});
afterAll(async () => {
  await second.close();
  await t.close();
  await sink.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

let seq = 0;
/** A client company with two portal contacts (one reads Russian, as the company does; one English), one without portal access. */
async function company(language: 'en' | 'ru' = 'ru') {
  seq += 1;
  const account = await t.createAccount(manager, { name: `Ромашка ${seq}`, language });
  const contact = async (body: Record<string, unknown>) => {
    const res = await manager.post('/api/v1/contacts', { accountId: account.id, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; email: string }>();
  };
  const olga = await contact({ firstName: 'Ольга', email: `olga${seq}@client.test`, portalAccess: true });
  const pat = await contact({ firstName: 'Pat', email: `pat${seq}@client.test`, portalAccess: true, language: 'en' });
  const ivan = await contact({ firstName: 'Иван', email: `ivan${seq}@client.test`, receivesReports: true });
  return { account, olga, pat, ivan };
}

const waiting = (accountId: string) =>
  t.database.db
    .selectFrom('client_notifications')
    .select(['contact_id', 'kind', 'subject_id', 'path'])
    .where('account_id', '=', accountId)
    .where('sent_at', 'is', null)
    .orderBy('created_at')
    .execute();

// Each run its own period; periods sort as text, like the job runner's.
let period = 0;
const nextPeriod = () => String(++period).padStart(8, '0');
const runDigest = () => t.app.services.jobs.run(CLIENT_DIGEST_JOB, nextPeriod());
const mailsTo = (address: string) => sink.messages.filter((m) => [m.to].flat().some((a) => a?.text.includes(address)));
/** A header as sent (mailparser reads List-* headers into objects of its own). */
const header = (mail: ParsedMail, name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? '';

async function submittedPlan(accountId: string, name = 'Сайт 2027') {
  const project = await createProject(manager, accountId, { name });
  await createMilestone(manager, project.id, 'Прототип', '2026-04-01');
  expect((await manager.post(`/api/v1/projects/${project.id}/plan/submit`)).statusCode).toBe(200);
  return project;
}

describe('what queues a notice, and for whom', () => {
  it('each event queues one for the company’s portal contacts only, never for another company’s', async () => {
    const a = await company();
    const b = await company();
    const portal = [a.olga.id, a.pat.id].sort();
    const forKind = async (kind: string) =>
      (await waiting(a.account.id))
        .filter((n) => n.kind === kind)
        .map((n) => n.contact_id)
        .sort();

    const project = await submittedPlan(a.account.id);
    expect(await forKind('plan_approval')).toEqual(portal);
    const req = await manager.post('/api/v1/requirements', { projectId: project.id, party: 'company', text: 'Доступ к CMS' });
    expect(req.statusCode).toBe(201);
    expect(await forKind('requirement_approval')).toEqual(portal);

    const invoice = await issuedInvoice(manager, a.account.id);
    expect(await forKind('invoice_issued')).toEqual(portal);

    // An act sent by email to Pat: Pat has it already, so only Olga is told it awaits signature.
    const act = await createDocument(manager, a.account.id);
    expect((await sendDocument(manager, act.id, [a.pat.id])).statusCode).toBe(200);
    expect(await forKind('document_signature')).toEqual([a.olga.id]);

    // The status report goes by email to Ivan, who receives reports; the portal contacts are told it is ready.
    const report = await manager.post(`/api/v1/projects/${project.id}/status-reports`, {});
    expect(report.statusCode, report.body).toBe(201);
    expect(await forKind('status_report')).toEqual(portal);

    // A reply to a request, as the Requests feature tells it: to the one who asked.
    await t.app.services.notifications.notifyClients({
      accountId: a.account.id,
      kind: 'request_reply',
      subjectId: 'message-1',
      path: '/portal/requests',
      params: { excerpt: 'Готово, посмотрите' },
      contactIds: [a.olga.id],
    });
    expect(await forKind('request_reply')).toEqual([a.olga.id]);
    // A long reply is an excerpt in the email, not the whole of it.
    await t.app.services.notifications.notifyClients({
      accountId: a.account.id,
      kind: 'request_reply',
      subjectId: 'message-2',
      path: '/portal/requests',
      params: { excerpt: 'Да. '.repeat(100) },
    });
    const long = await t.database.db
      .selectFrom('client_notifications')
      .select('params')
      .where('subject_id', '=', 'message-2')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(long.params).excerpt).toHaveLength(140);

    expect((await waiting(a.account.id)).some((n) => n.contact_id === a.ivan.id)).toBe(false);
    expect(await waiting(b.account.id)).toEqual([]);
    const paths = Object.fromEntries((await waiting(a.account.id)).map((n) => [n.kind, n.path]));
    expect(paths).toMatchObject({
      plan_approval: `/portal/projects/${project.id}`,
      invoice_issued: '/portal/invoices',
      document_signature: `/portal/documents/${act.id}`,
    });
    expect(invoice.status).toBe('issued');
  });

  it('a notice already waiting is not repeated, and one that no longer waits is withdrawn', async () => {
    const a = await company();
    const project = await submittedPlan(a.account.id);
    const again = { accountId: a.account.id, kind: 'plan_approval', subjectId: project.id, path: '/portal', params: {} } as const;
    expect(await t.app.services.notifications.notifyClients(again)).toEqual([]);
    expect((await waiting(a.account.id)).filter((n) => n.kind === 'plan_approval')).toHaveLength(2);
    const client = await t.signIn('client', { contactId: a.olga.id });
    expect((await client.post(`/api/v1/projects/${project.id}/plan/approve`, {})).statusCode).toBe(200);
    expect(await waiting(a.account.id)).toEqual([]);
  });
});

describe('the daily digest', () => {
  it('collects a burst into one email per contact, in their language, with portal links and one-click unsubscribe headers', async () => {
    sink.clear();
    const a = await company('ru');
    const project = await submittedPlan(a.account.id, 'Сайт 2028');
    await manager.post('/api/v1/requirements', { projectId: project.id, party: 'company', text: 'Доступ к CMS' });
    await issuedInvoice(manager, a.account.id);

    // Within the coalescing window nothing goes: more may follow.
    t.clock.advance(COALESCE_MS - MINUTE);
    await runDigest();
    expect(mailsTo(a.olga.email)).toHaveLength(0);

    t.clock.advance(2 * MINUTE);
    const outcome = await runDigest();
    expect(outcome.status).toBe('done');
    const [ru] = mailsTo(a.olga.email);
    const [en] = mailsTo(a.pat.email);
    expect(mailsTo(a.olga.email)).toHaveLength(1);
    expect(mailsTo(a.pat.email)).toHaveLength(1);
    expect(mailsTo(a.ivan.email)).toHaveLength(0);

    expect(ru.subject).toBe('Что ждёт вас в клиентском портале (3)');
    expect(ru.text).toContain('Здравствуйте, Ольга!');
    expect(ru.text).toContain('План работ по проекту «Сайт 2028» ждёт вашего согласования');
    expect(ru.text).toContain('Требование по проекту «Сайт 2028» ждёт вашего согласования: «Доступ к CMS»');
    expect(ru.text).toMatch(/Выставлен счёт \S+ на .+, оплатить до \d+/);
    expect(ru.text).toContain(`${PUBLIC}/portal/projects/${project.id}`);
    expect(ru.text).toContain(`${PUBLIC}/portal/invoices`);
    expect(ru.html).toContain(`href="${PUBLIC}/portal/projects/${project.id}"`);

    expect(en.subject).toBe('What awaits you in your client portal (3)');
    expect(en.text).toContain('Hello Pat,');
    expect(en.text).toContain('The work plan of “Сайт 2028” awaits your approval');

    for (const mail of [ru, en]) {
      const list = header(mail, 'list-unsubscribe');
      expect(list).toMatch(new RegExp(`^<${PUBLIC}/api/v1/notifications/unsubscribe/[\\w-]+>$`));
      expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      expect(mail.text).toMatch(new RegExp(`${PUBLIC}/unsubscribe#token=[\\w-]+`));
    }
    const events = (await manager.get(`/api/v1/accounts/${a.account.id}/timeline?limit=50`)).json().items;
    expect(events.filter((e: { kind?: string }) => e.kind === 'client_notified')).toHaveLength(2);

    // Later that day: it waits for the next day's digest, not a second email today.
    await issuedInvoice(manager, a.account.id);
    t.clock.advance(3 * 3600_000);
    await runDigest();
    expect(mailsTo(a.olga.email)).toHaveLength(1);

    // Next day before the morning hour, what was held over still waits; from the morning hour it goes.
    t.clock.set('2026-03-03T07:30:00.000Z');
    await runDigest();
    expect(mailsTo(a.olga.email)).toHaveLength(1);
    t.clock.set('2026-03-03T08:05:00.000Z');
    await runDigest();
    const next = mailsTo(a.olga.email);
    expect(next).toHaveLength(2);
    expect(next[1].subject).toMatch(/^В вашем портале: Выставлен счёт/);
    t.clock.set('2026-03-02T09:00:00.000Z');
  });

  it('two instances running the same period send once; even two digests run at once send one email a contact a day', async () => {
    sink.clear();
    const a = await company('en');
    await submittedPlan(a.account.id, 'Twin');
    t.clock.advance(COALESCE_MS + MINUTE);
    const key = nextPeriod();
    const outcomes = await Promise.all([
      t.app.services.jobs.run(CLIENT_DIGEST_JOB, key),
      second.app.services.jobs.run(CLIENT_DIGEST_JOB, key),
    ]);
    expect(outcomes.filter((o) => o.status === 'done')).toHaveLength(1);
    expect(mailsTo(a.olga.email)).toHaveLength(1);
    // Past the job's once-per-period guard, the day each contact's digest is taken on still lets one through.
    await submittedPlan(a.account.id, 'Twin 2');
    t.clock.advance(COALESCE_MS + MINUTE);
    await Promise.all([t.app.services.notificationDigest.sendDue(), second.app.services.notificationDigest.sendDue()]);
    expect(mailsTo(a.olga.email)).toHaveLength(1);
    expect(mailsTo(a.pat.email)).toHaveLength(1);
    t.clock.set('2026-03-02T09:00:00.000Z');
  });
});

describe('choices and unsubscribing', () => {
  it('a client turns a kind off in the portal; the manager sees and changes it on the contact; nothing of that kind is queued', async () => {
    const a = await company();
    const client = await t.signIn('client', { contactId: a.olga.id });
    const mine = await client.get('/api/v1/portal/notification-preferences');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ contactId: a.olga.id, reachable: true, kinds: { plan_approval: true, invoice_issued: true } });

    const off = await client.patch('/api/v1/portal/notification-preferences', { kinds: { plan_approval: false } });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().kinds).toMatchObject({ plan_approval: false, invoice_issued: true });
    await submittedPlan(a.account.id);
    expect((await waiting(a.account.id)).map((n) => n.contact_id)).toEqual([a.pat.id]);

    const seen = await manager.get(`/api/v1/contacts/${a.olga.id}/notification-preferences`);
    expect(seen.json().kinds.plan_approval).toBe(false);
    const changed = await manager.patch(`/api/v1/contacts/${a.olga.id}/notification-preferences`, { kinds: { invoice_issued: false } });
    expect(changed.json().kinds).toMatchObject({ plan_approval: false, invoice_issued: false, status_report: true });
    await issuedInvoice(manager, a.account.id);
    expect((await waiting(a.account.id)).filter((n) => n.kind === 'invoice_issued').map((n) => n.contact_id)).toEqual([a.pat.id]);
  });

  it('turning a kind off drops what of it already waits', async () => {
    const a = await company();
    await issuedInvoice(manager, a.account.id);
    expect(
      (await manager.patch(`/api/v1/contacts/${a.pat.id}/notification-preferences`, { kinds: { invoice_issued: false } })).statusCode,
    ).toBe(200);
    expect((await waiting(a.account.id)).map((n) => n.contact_id)).toEqual([a.olga.id]);
  });

  it('refuses strangers, other companies and bad input', async () => {
    const a = await company();
    const b = await company();
    const otherManager = await t.signIn('account_manager');
    expectProblem(await otherManager.get(`/api/v1/contacts/${a.olga.id}/notification-preferences`), 404);
    expectProblem(
      await otherManager.patch(`/api/v1/contacts/${a.olga.id}/notification-preferences`, { kinds: { plan_approval: false } }),
      404,
    );
    const client = await t.signIn('client', { contactId: b.olga.id });
    expectProblem(await client.get(`/api/v1/contacts/${a.olga.id}/notification-preferences`), 403);
    expectProblem(await manager.get('/api/v1/portal/notification-preferences'), 403);
    expectProblem(await client.patch('/api/v1/portal/notification-preferences', { kinds: { plan_approval: 'no' } }), 400);
    expectProblem(await client.patch('/api/v1/portal/notification-preferences', { kinds: { spam: false } }), 400);
    expectProblem(await client.patch('/api/v1/portal/notification-preferences', { kinds: {}, extra: 1 }), 400);
    expect((await client.get('/api/v1/portal/notification-preferences')).json().contactId).toBe(b.olga.id);
    const finance = await t.signIn('finance');
    expectProblem(await finance.patch(`/api/v1/contacts/${a.olga.id}/notification-preferences`, { kinds: { plan_approval: false } }), 403);
  });

  it('the link in the email unsubscribes with one POST and no sign-in; a forged link answers 404, never a 500', async () => {
    sink.clear();
    const a = await company('ru');
    await submittedPlan(a.account.id, 'Отписка');
    t.clock.advance(COALESCE_MS + MINUTE);
    await runDigest();
    const [mail] = mailsTo(a.olga.email);
    const url = header(mail, 'list-unsubscribe').slice(1, -1);
    const path = new URL(url).pathname;

    const preview = await t.app.inject({ method: 'GET', url: path });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({ language: 'ru', firstName: 'Ольга' });

    const res = await t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode, res.body).toBe(200);
    const prefs = (await manager.get(`/api/v1/contacts/${a.olga.id}/notification-preferences`)).json();
    expect(Object.values(prefs.kinds).every((on) => on === false)).toBe(true);
    // Again, as a mail program may retry: the same answer.
    expect((await t.app.inject({ method: 'POST', url: path })).statusCode).toBe(200);

    t.clock.set('2026-03-02T09:00:00.000Z');
    await issuedInvoice(manager, a.account.id);
    expect((await waiting(a.account.id)).map((n) => n.contact_id)).toEqual([a.pat.id]);

    for (const forged of ['not-a-token', 'x'.repeat(32), encodeURIComponent('<script>')]) {
      const bad = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/unsubscribe/${forged}` });
      expect(bad.statusCode).toBe(404);
      expect(bad.json()).toMatchObject({ code: 'notification.unsubscribe_unknown' });
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/notifications/unsubscribe/${forged}` })).statusCode).toBe(404);
    }
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/notifications/unsubscribe/${'y'.repeat(300)}` })).statusCode).toBe(414);
  });
});
