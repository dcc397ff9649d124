import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuedInvoice } from '../../test/billing-fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { startSecondInstance, type SecondInstance } from '../../test/second-instance.js';
import { isStaffDigest, startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';

/**
 * Two application instances on one database (two pools on PostgreSQL, two handles on one
 * SQLite file), both ticking their job runners at the follow-up hour: the daily run happens
 * once and each account receives one email.
 */
let sink: SmtpSink;
let t: TestApp;
let second: SecondInstance;
let dir: string | null = null;

beforeAll(async () => {
  sink = await startSmtpSink({ except: isStaffDigest });
  let sqlitePath: string | undefined;
  if (!process.env.DATABASE_URL) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-instances-'));
    sqlitePath = path.join(dir, 'shared.sqlite');
  }
  t = await createTestApp({ smtpUrl: sink.url, sqlitePath });
  second = await startSecondInstance(t, { smtpUrl: sink.url });
});
afterAll(async () => {
  await second.close();
  await t.close();
  await sink.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('two instances, one database', () => {
  it('run the daily follow-ups once: one email per account, one record per level', async () => {
    const manager = await t.signIn('account_manager');
    const accounts = [];
    for (let i = 0; i < 6; i++) {
      const a = await t.createAccount(manager, { name: `Client ${i}`, paymentTermsDays: 0 });
      await manager.post('/api/v1/contacts', { accountId: a.id, firstName: `Payer${i}`, email: `payer${i}@client.test` });
      await issuedInvoice(manager, a.id, { issueDate: '2026-02-20' }); // 10 days overdue: levels -3, 1 and 7 are due
      accounts.push(a.id);
    }
    t.clock.set('2026-03-02T09:00:00.000Z');
    const [mine, theirs] = await Promise.all([t.app.services.jobs.runDue(), second.app.services.jobs.runDue()]);
    const outcomes = [...mine, ...theirs].filter((r) => r.name === 'billing.follow_ups').map((r) => r.outcome.status);
    expect(outcomes.filter((s) => s === 'done')).toHaveLength(1);
    expect(sink.messages.map((m) => (m.to && 'text' in m.to ? m.to.text : '')).sort()).toEqual(
      accounts.map((_, i) => `payer${i}@client.test`).sort(),
    );
    const levels = await t.database.db.selectFrom('invoice_follow_ups').select('level_days').execute();
    expect(levels).toHaveLength(6 * 3);
    const calls = await t.database.db.selectFrom('billing_actions').select('kind').execute();
    expect(calls).toHaveLength(6);
    const again = await Promise.all([t.app.services.jobs.runDue(), second.app.services.jobs.runDue()]);
    expect(
      again
        .flat()
        .filter((r) => r.name === 'billing.follow_ups')
        .map((r) => r.outcome.status),
    ).toEqual(['already_done', 'already_done']);
    expect(sink.messages).toHaveLength(6);
  });
});

describe('without SMTP_URL', () => {
  let quiet: TestApp;
  beforeAll(async () => {
    quiet = await createTestApp();
  });
  afterAll(() => quiet.close());

  it('keeps follow-up emails as pending with the reason shown, and never crashes', async () => {
    const manager = await quiet.signIn('account_manager');
    const withContact = await quiet.createAccount(manager, { name: 'Mailable', paymentTermsDays: 0 });
    await manager.post('/api/v1/contacts', { accountId: withContact.id, firstName: 'Ivy', email: 'ivy@client.test' });
    const noContact = await quiet.createAccount(manager, { name: 'Unreachable', paymentTermsDays: 0 });
    await issuedInvoice(manager, withContact.id, { issueDate: '2026-03-01' });
    await issuedInvoice(manager, noContact.id, { issueDate: '2026-03-01' });
    const run = await quiet.admin.post('/api/v1/follow-ups/run');
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ emails: 2, emailsSent: 0, emailsPending: 1 });
    const emails = (await manager.get('/api/v1/follow-ups')).json().items;
    const byAccount = Object.fromEntries(emails.map((e: { accountName: string }) => [e.accountName, e]));
    expect(byAccount.Mailable).toMatchObject({ status: 'pending', attempts: 0, lastError: expect.stringContaining('SMTP_URL') });
    expect(byAccount.Unreachable).toMatchObject({ status: 'failed', lastError: expect.stringContaining('email address') });
    const retry = await quiet.admin.post(`/api/v1/follow-ups/${byAccount.Mailable.id}/retry`);
    expect(retry.statusCode).toBe(409);
    const timeline = (await manager.get(`/api/v1/accounts/${noContact.id}/timeline`)).json().items;
    expect(timeline.map((e: { kind?: string }) => e.kind)).toContain('follow_up_failed');
  });
});
