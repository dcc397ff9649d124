import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMilestone, createProject } from '../../test/delivery-fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { pdfText } from '../../test/pdf-text.js';
import { startSecondInstance, type SecondInstance } from '../../test/second-instance.js';
import { isStaffDigest, startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';

/**
 * Two application instances on one database run the scheduled reports at the same moment,
 * through their job runners and directly: each project's period is reported once, proven by
 * its row, unique per project and period. Projects with nobody to send to or nothing to say
 * record why. On PostgreSQL the instances have a pool each. On SQLite they share the handle:
 * better-sqlite3 waits for a lock synchronously, so a second handle in the same process would
 * block the very event loop that has to finish the first one's transaction (two processes on
 * one file do not have that problem, and SQLite serialises their writes the same way).
 */
let sink: SmtpSink;
let t: TestApp;
let second: SecondInstance;
let manager: Caller;
const reporting: string[] = [];
let silent: { id: string };
let empty: { id: string };

beforeAll(async () => {
  sink = await startSmtpSink({ except: isStaffDigest });
  // Monday 2 March 2026, 08:00 in Moscow: an hour before the reports' hour there
  t = await createTestApp({ smtpUrl: sink.url, now: '2026-03-02T05:00:00.000Z' });
  second = await startSecondInstance(t, { smtpUrl: sink.url, shareHandle: !process.env.DATABASE_URL });
  expect((await t.admin.patch('/api/v1/settings/billing', { timeZone: 'Europe/Moscow' })).statusCode).toBe(200);
  manager = await t.signIn('account_manager');
  const weekly = { reportSchedule: 'weekly', reportDay: 1, reportHour: 9 };
  for (let i = 0; i < 4; i++) {
    const a = await t.createAccount(manager, { name: `Client ${i}`, language: i % 2 ? 'ru' : 'en' });
    await manager.post('/api/v1/contacts', {
      accountId: a.id,
      firstName: `Reader${i}`,
      email: `reader${i}@client.test`,
      receivesReports: true,
    });
    const p = await createProject(manager, a.id, { name: `Project ${i}`, ...weekly });
    await createMilestone(manager, p.id, `Milestone of project ${i}`, '2026-04-01');
    reporting.push(p.id);
  }
  const nobody = await t.createAccount(manager, { name: 'No readers' });
  silent = await createProject(manager, nobody.id, { name: 'Unread project', ...weekly });
  await createMilestone(manager, silent.id, 'Unread milestone', '2026-04-01');
  const quiet = await t.createAccount(manager, { name: 'Quiet client' });
  await manager.post('/api/v1/contacts', { accountId: quiet.id, firstName: 'Quinn', email: 'quinn@client.test', receivesReports: true });
  empty = await createProject(manager, quiet.id, { name: 'Empty project', ...weekly });
  // a monthly project is not due on this Monday
  const monthlyAccount = await t.createAccount(manager, { name: 'Monthly client' });
  await manager.post('/api/v1/contacts', { accountId: monthlyAccount.id, firstName: 'Mo', email: 'mo@client.test', receivesReports: true });
  const monthly = await createProject(manager, monthlyAccount.id, { name: 'Monthly project', reportSchedule: 'monthly', reportDay: 5 });
  await createMilestone(manager, monthly.id, 'Monthly milestone', '2026-04-01');
});
afterAll(async () => {
  await second.close();
  await t.close();
  await sink.close();
});

const runEverywhere = () =>
  Promise.all([
    t.app.services.scheduledReports.runDue(),
    second.app.services.scheduledReports.runDue(),
    t.app.services.jobs.runDue(),
    second.app.services.jobs.runDue(),
  ]);

const reportsOf = (projectId: string) =>
  t.database.db.selectFrom('documents').select(['id', 'period_from', 'period_to', 'status']).where('project_id', '=', projectId).execute();

describe('scheduled status reports with two runners', () => {
  it('sends nothing before the hour in the agency’s time zone', async () => {
    await runEverywhere();
    expect(sink.messages).toHaveLength(0);
    expect(await t.database.db.selectFrom('status_report_runs').select('id').execute()).toEqual([]);
  });

  it('at the hour, reports each project’s week once, with its PDF, although every runner tried', async () => {
    t.clock.set('2026-03-02T06:00:00.000Z');
    await runEverywhere();
    await runEverywhere();
    for (const id of reporting) {
      const docs = await reportsOf(id);
      expect(docs.map((d) => [d.period_from, d.period_to, d.status])).toEqual([['2026-02-23', '2026-03-01', 'sent']]);
    }
    expect(sink.messages.map((m) => (m.to && 'text' in m.to ? m.to.text : '')).sort()).toEqual(
      [0, 1, 2, 3].map((i) => `reader${i}@client.test`),
    );
    for (const mail of sink.messages) {
      expect(mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
      expect(await pdfText(mail.attachments[0].content)).toMatch(/Milestone of project \d/);
    }
    const runs = await t.database.db.selectFrom('status_report_runs').select(['project_id', 'outcome', 'reason']).execute();
    expect(runs).toHaveLength(6);
    expect(
      runs
        .filter((r) => r.outcome === 'sent')
        .map((r) => r.project_id)
        .sort(),
    ).toEqual([...reporting].sort());
    expect(runs.find((r) => r.project_id === silent.id)).toMatchObject({ outcome: 'skipped', reason: 'no_recipients' });
    expect(runs.find((r) => r.project_id === empty.id)).toMatchObject({ outcome: 'skipped', reason: 'nothing_to_report' });
  });

  it('records on the timeline why a project was not reported', async () => {
    const silentProject = (await manager.get(`/api/v1/projects/${silent.id}`)).json();
    const timeline = (await manager.get(`/api/v1/accounts/${silentProject.accountId}/timeline`)).json().items as Array<{
      kind?: string;
      data?: Record<string, unknown>;
    }>;
    expect(timeline.find((e) => e.kind === 'status_report_skipped')?.data).toMatchObject({
      projectId: silent.id,
      periodFrom: '2026-02-23',
      periodTo: '2026-03-01',
      reason: 'no_recipients',
    });
  });

  it('the next Monday reports the next week, once again', async () => {
    sink.clear();
    t.clock.set('2026-03-09T07:30:00.000Z');
    await runEverywhere();
    expect(sink.messages).toHaveLength(4);
    for (const id of reporting) expect((await reportsOf(id)).map((d) => d.period_from).sort()).toEqual(['2026-02-23', '2026-03-02']);
  });
});
