import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMilestone, createProject } from '../../test/delivery-fixtures.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { accountWithContact, PUBLIC_URL } from '../../test/survey-fixtures.js';
import { QUARTERLY_SURVEY_JOB, quarterStart } from './index.js';

const DAY = 24 * 3600_000;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ publicUrl: PUBLIC_URL, now: '2026-03-02T09:00:00.000Z' });
});
afterAll(() => t.close());

const surveysOf = (accountId: string) =>
  t.database.db
    .selectFrom('surveys')
    .select(['kind', 'trigger', 'sent_at', 'contact_id', 'project_id'])
    .where('account_id', '=', accountId)
    .orderBy('sent_at')
    .orderBy('kind')
    .execute();

/** Someone signs in on the day (sessions last a week of the clock). */
const staff = (): Promise<Caller> => t.signIn('admin');

async function deliver(by: Caller, projectId: string) {
  for (const stage of ['planning', 'in_progress', 'review', 'delivered']) {
    const res = await by.patch(`/api/v1/projects/${projectId}`, { stage });
    expect(res.statusCode, res.body).toBe(200);
  }
}

const runQuarterly = (date: string) => t.app.services.jobs.run(QUARTERLY_SURVEY_JOB, date);

describe('the quarter of a date', () => {
  it('starts on the first day of its quarter', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-08-15', '2026-12-31'].map(quarterStart)).toEqual([
      '2026-01-01',
      '2026-01-01',
      '2026-04-01',
      '2026-07-01',
      '2026-10-01',
    ]);
  });
});

describe('triggers and the throttle over 120 days', () => {
  it('ask a contact at most once in 30 days, whatever asks, and skipped sends are no errors', async () => {
    const start = t.clock.now().getTime();
    const on = (day: number) => t.clock.set(new Date(start + day * DAY).toISOString());
    let by = await staff();
    const { account, contact } = await accountWithContact(t, by, { email: 'una@client.test' });
    const project = await createProject(by, account.id, { name: 'Shop' });
    const first = await createMilestone(by, project.id, 'Design', '2026-04-01');
    const second = await createMilestone(by, project.id, 'Build', '2026-05-01');

    // Day 0: the manager asks.
    expect((await by.post('/api/v1/surveys', { accountId: account.id, contactId: contact.id, kind: 'nps' })).statusCode).toBe(201);
    // Day 10: asking again is refused, saying when they were asked.
    on(10);
    by = await staff();
    const refused = expectProblem(await by.post('/api/v1/surveys', { accountId: account.id, contactId: contact.id, kind: 'csat' }), 409);
    expect(refused.detail).toContain('2026-03-02');
    // Day 15: a milestone done is skipped quietly.
    on(15);
    by = await staff();
    expect((await by.patch(`/api/v1/milestones/${first.id}`, { status: 'done' })).statusCode).toBe(200);
    expect(await surveysOf(account.id)).toHaveLength(1);
    // Day 31 (2 April): the quarterly run asks the relationship NPS.
    on(31);
    expect(await runQuarterly('2026-04-02')).toMatchObject({ status: 'done', result: { sent: 1 } });
    // Day 40: the project delivered is skipped (asked 9 days ago).
    on(40);
    by = await staff();
    await deliver(by, project.id);
    expect(await surveysOf(account.id)).toHaveLength(2);
    // Day 62: the next milestone done asks a CSAT about the project; the first milestone never asks again.
    on(62);
    by = await staff();
    expect((await by.patch(`/api/v1/milestones/${second.id}`, { status: 'done' })).statusCode).toBe(200);
    // Day 80: this quarter's relationship survey was sent already.
    on(80);
    expect(await runQuarterly('2026-05-21')).toMatchObject({ status: 'done', result: { sent: 0 } });
    // Day 93: another project delivered asks CSAT and NPS together.
    on(93);
    by = await staff();
    const other = await createProject(by, account.id, { name: 'App' });
    await deliver(by, other.id);
    // Day 121 (1 July): a new quarter, but the contact was asked 28 days ago: skipped, and asked on a later day.
    on(121);
    expect(await runQuarterly('2026-07-01')).toMatchObject({ status: 'done', result: { sent: 0, skipped: 1 } });
    on(124);
    expect(await runQuarterly('2026-07-04')).toMatchObject({ status: 'done', result: { sent: 1 } });

    const sent = await surveysOf(account.id);
    expect(sent.map((s) => [s.trigger, s.kind, s.project_id])).toEqual([
      ['manual', 'nps', null],
      ['quarterly', 'nps', null],
      ['milestone', 'csat', project.id],
      ['delivery', 'csat', other.id],
      ['delivery', 'nps', other.id],
      ['quarterly', 'nps', null],
    ]);
    // No two occasions within 30 days of each other (a delivery's pair is one occasion).
    const occasions = [...new Set(sent.map((s) => Date.parse(s.sent_at)))];
    for (let i = 1; i < occasions.length; i++) expect(occasions[i] - occasions[i - 1]).toBeGreaterThanOrEqual(30 * DAY);
    expect(new Set(sent.map((s) => s.contact_id))).toEqual(new Set([contact.id]));
  });

  it('send nothing when their setting is off, and the quarterly run skips accounts that are not active', async () => {
    const by = await staff();
    const settings = (await by.get('/api/v1/settings/surveys')).json();
    expect((await by.put('/api/v1/settings/surveys', { ...settings, onMilestoneDone: false, onProjectDelivered: false })).statusCode).toBe(
      200,
    );
    try {
      const { account } = await accountWithContact(t, by, { email: 'vic@client.test' });
      const project = await createProject(by, account.id);
      const m = await createMilestone(by, project.id, 'Audit', '2026-12-01');
      await by.patch(`/api/v1/milestones/${m.id}`, { status: 'done' });
      await deliver(by, project.id);
      expect(await surveysOf(account.id)).toHaveLength(0);
      const paused = await accountWithContact(t, by, { email: 'wes@client.test' });
      await by.patch(`/api/v1/accounts/${paused.account.id}`, { status: 'paused' });
      await runQuarterly('2026-10-02');
      expect(await surveysOf(paused.account.id)).toHaveLength(0);
      expect((await surveysOf(account.id)).map((s) => s.trigger)).toEqual(['quarterly']);
    } finally {
      await by.put('/api/v1/settings/surveys', settings);
    }
    expectProblem(await by.put('/api/v1/settings/surveys', { ...settings, throttleDays: -1 }), 400, 'throttleDays');
  });
});
