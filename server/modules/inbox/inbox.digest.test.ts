import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../test/database.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { startSecondInstance, type SecondInstance } from '../../test/second-instance.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import { STAFF_DIGEST_JOB } from './index.js';

/**
 * The morning digest: at the hour each person chose in their time zone, in their language, only
 * when something needs them, at most once a day across instances.
 */
let sink: SmtpSink;
let t: TestApp;
let second: SecondInstance;
// A file rather than memory on SQLite, so a second instance of the app can open the same database.
const dir = testDatabaseUrl() ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-digest-'));
const PUBLIC = 'https://crm.agency.test';

/** A Moscow manager reading Russian (08:00 there is 05:00 UTC), an English one on the agency's zone (UTC), one with nothing to do. */
let olga: Caller;
let pat: Caller;
let idle: Caller;

const at = (hhmm: string, day = '2026-11-26') => t.clock.set(`${day}T${hhmm}:00.000Z`);
let period = 0;
const nextPeriod = () => String(++period).padStart(8, '0');
const runOn = (app: TestApp['app'], key = nextPeriod()) => app.services.jobs.run(STAFF_DIGEST_JOB, key);
const mailsTo = (who: Caller) => sink.messages.filter((m) => [m.to].flat().some((a) => a?.text.includes(who.user.email)));

async function overdueStep(who: Caller, text: string, dueDate: string) {
  const account = await t.createAccount(who, { name: `${text} Co` });
  const res = await who.post('/api/v1/next-steps', { accountId: account.id, text, dueDate });
  expect(res.statusCode, res.body).toBe(201);
  return account;
}

beforeAll(async () => {
  sink = await startSmtpSink();
  const sqlitePath = dir ? path.join(dir, 'digest.sqlite') : undefined;
  t = await createTestApp({ smtpUrl: sink.url, publicUrl: PUBLIC, now: '2026-11-26T03:00:00.000Z', sqlitePath });
  second = await startSecondInstance(t, { smtpUrl: sink.url, publicUrl: PUBLIC });
  olga = await t.signIn('account_manager', { name: 'Ольга' });
  pat = await t.signIn('account_manager', { name: 'Pat' });
  idle = await t.signIn('account_manager', { name: 'Idle' });
  const me = (await olga.get('/api/v1/auth/me')).json<{ user: { version: number } }>();
  expect((await olga.patch('/api/v1/auth/me', { language: 'ru' }, { 'if-match': `"${me.user.version}"` })).statusCode).toBe(200);
  expect((await olga.patch('/api/v1/auth/me/notification-preferences', { timeZone: 'Europe/Moscow' })).statusCode).toBe(200);

  await overdueStep(olga, 'Отправить план', '2026-11-20');
  const patAccount = await overdueStep(pat, 'Send the plan', '2026-11-24');
  // A client writes to Pat: a notice for the digest.
  const contact = await t.createContact(pat, patAccount.id, 'Casey');
  const client = await t.signIn('client', { contactId: contact.id });
  expect((await client.post('/api/v1/messages', { body: 'Is the plan <b>ready</b>?' })).statusCode).toBe(201);
  sink.clear();
});
afterAll(async () => {
  await second.close();
  await t.close();
  await sink.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the morning digest', () => {
  it('comes at the chosen hour in the person’s zone, not before, in their language', async () => {
    at('04:55'); // 07:55 in Moscow
    await runOn(t.app);
    expect(mailsTo(olga)).toEqual([]);

    at('05:00'); // 08:00 in Moscow; still 05:00 for Pat on the agency's UTC
    await runOn(t.app);
    const [mail] = mailsTo(olga);
    expect(mail.subject).toBe('Утренняя сводка на 26 нояб. 2026 г.');
    expect(mail.text).toContain('Доброе утро, Ольга!');
    expect(mail.text).toContain('Просрочено (1)');
    expect(mail.text).toContain('Следующий шаг «Отправить план» был назначен на 20 нояб. 2026 г.');
    expect(mail.text).toContain(`${PUBLIC}/today`);
    expect(mail.html).toContain(`href="${PUBLIC}/accounts/`);
    expect(mailsTo(pat)).toEqual([]);
  });

  it('never twice a day, whichever instance runs next', async () => {
    at('05:05');
    expect((await runOn(second.app)).status).toBe('done');
    at('06:00');
    await runOn(t.app);
    expect(mailsTo(olga)).toHaveLength(1);
    // The same period on the other instance is already done there.
    const key = nextPeriod();
    expect((await runOn(t.app, key)).status).toBe('done');
    expect((await runOn(second.app, key)).status).toBe('already_done');
    // Two runs, each on its own instance: one digest still. At once on PostgreSQL; on SQLite one after
    // the other (one process's two handles on a file cannot hold two write transactions at once).
    at('08:00');
    const runs = [t.app.services.inboxDigest, second.app.services.inboxDigest];
    if (testDatabaseUrl()) await Promise.all(runs.map((d) => d.sendDue()));
    else for (const d of runs) await d.sendDue();
    expect(mailsTo(pat)).toHaveLength(1);
    expect(mailsTo(olga)).toHaveLength(1);
  });

  it('holds what is overdue and the unread notices of the day, escaped, in English for an English reader', async () => {
    const [mail] = mailsTo(pat);
    expect(mail.subject).toBe('Your morning digest for 26 Nov 2026');
    expect(mail.text).toContain('Next step “Send the plan” was due 24 Nov 2026');
    expect(mail.text).toContain('New for you (1)');
    expect(mail.text).toContain('wrote: “Is the plan <b>ready</b>?”');
    expect(mail.html).toContain('Is the plan &lt;b&gt;ready&lt;/b&gt;?');
    expect(mail.html).not.toContain('<b>ready</b>');
  });

  it('sends nothing when there is nothing, and nothing to one who turned the digest off', async () => {
    expect(mailsTo(idle)).toEqual([]);
    // The next morning Pat has turned the digest off; Olga's step is still overdue and she hears again.
    expect(
      (await pat.patch('/api/v1/auth/me/notification-preferences', { digest: { agenda: false, client_message: false, assignment: false } }))
        .statusCode,
    ).toBe(200);
    at('05:00', '2026-11-27');
    await runOn(t.app);
    at('08:00', '2026-11-27');
    await runOn(t.app);
    expect(mailsTo(olga)).toHaveLength(2);
    expect(mailsTo(pat)).toHaveLength(1);
    expect(mailsTo(idle)).toEqual([]);
  });

  it('follows a changed hour: 09:00 in Moscow, not 08:00', async () => {
    expect((await olga.patch('/api/v1/auth/me/notification-preferences', { digestHour: 9 })).statusCode).toBe(200);
    at('05:30', '2026-11-28'); // 08:30 in Moscow
    await runOn(t.app);
    expect(mailsTo(olga)).toHaveLength(2);
    at('06:00', '2026-11-28'); // 09:00 in Moscow
    await runOn(t.app);
    expect(mailsTo(olga)).toHaveLength(3);
    expect(mailsTo(olga)[2].subject).toBe('Утренняя сводка на 28 нояб. 2026 г.');
  });
});
