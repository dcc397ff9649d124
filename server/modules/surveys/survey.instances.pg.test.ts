import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { startSecondInstance, type SecondInstance } from '../../test/second-instance.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import { accountWithContact, PUBLIC_URL } from '../../test/survey-fixtures.js';
import { QUARTERLY_SURVEY_JOB } from './index.js';

/**
 * Two application instances on one PostgreSQL database (two pools), both ticking their job
 * runners on the first day of a quarter: the day's relationship surveys go out once, one email
 * per active account.
 */
let sink: SmtpSink;
let t: TestApp;
let second: SecondInstance;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ smtpUrl: sink.url, publicUrl: PUBLIC_URL, now: '2026-03-30T09:00:00.000Z' });
  second = await startSecondInstance(t, { smtpUrl: sink.url, publicUrl: PUBLIC_URL });
});
afterAll(async () => {
  await second.close();
  await t.close();
  await sink.close();
});

describe('two instances, one database', () => {
  it('run the daily relationship surveys exactly once', async () => {
    const manager = await t.signIn('account_manager');
    const emails = [];
    for (let i = 0; i < 5; i++) {
      const email = `buyer${i}@client.test`;
      await accountWithContact(t, manager, { email });
      emails.push(email);
    }
    t.clock.set('2026-04-01T09:00:00.000Z');
    const runs = await Promise.all([t.app.services.jobs.runDue(), second.app.services.jobs.runDue()]);
    const outcomes = runs.flat().filter((r) => r.name === QUARTERLY_SURVEY_JOB);
    expect(outcomes.map((r) => r.key)).toEqual(['2026-04-01', '2026-04-01']);
    expect(outcomes.filter((r) => r.outcome.status === 'done')).toHaveLength(1);
    const rows = await t.database.db.selectFrom('surveys').select(['account_id', 'trigger']).execute();
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => r.account_id)).size).toBe(5);
    expect(sink.messages.map((m) => (m.to && 'text' in m.to ? m.to.text : '')).sort()).toEqual(emails.sort());

    const again = await Promise.all([t.app.services.jobs.runDue(), second.app.services.jobs.runDue()]);
    expect(
      again
        .flat()
        .filter((r) => r.name === QUARTERLY_SURVEY_JOB)
        .map((r) => r.outcome.status),
    ).toEqual(['already_done', 'already_done']);
    // The next day's run finds every account asked this quarter.
    t.clock.set('2026-04-02T09:00:00.000Z');
    const [next] = (await t.app.services.jobs.runDue()).filter((r) => r.name === QUARTERLY_SURVEY_JOB);
    expect(next.outcome).toMatchObject({ status: 'done', result: { sent: 0, skipped: 0 } });
    expect(await t.database.db.selectFrom('surveys').select('id').execute()).toHaveLength(5);
  });
});
