import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../../common/schemas/claim.js';
import type { TimelineEntry } from '../../../common/schemas/timeline.js';
import { createClaim, moveClaim, RESOLVE } from '../../test/claim-fixtures.js';
import { Caller, createTestApp, type TestApp } from '../../test/harness.js';
import { startSecondInstance, type SecondInstance } from '../../test/second-instance.js';
import { isStaffDigest, startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import { CLAIM_DEADLINE_JOB, DEFAULT_CLAIM_SETTINGS } from './index.js';

let t: TestApp;
let sink: SmtpSink;
let second: SecondInstance;
let owner: Caller;
let admin2: Caller;
let accountId: string;
const HOUR = 3600_000;

beforeAll(async () => {
  sink = await startSmtpSink({ except: isStaffDigest });
  t = await createTestApp({ smtpUrl: sink.url, now: '2026-11-26T09:00:00.000Z', publicUrl: 'https://crm.example.com' });
  // better-sqlite3 waits for a lock synchronously, so on SQLite the second instance shares the handle.
  second = await startSecondInstance(t, {
    smtpUrl: sink.url,
    publicUrl: 'https://crm.example.com',
    shareHandle: !process.env.DATABASE_URL,
  });
  owner = await t.signIn('account_manager', { name: 'Olga Owner' });
  admin2 = await t.signIn('admin', { name: 'Second Admin' });
  expect((await admin2.patch('/api/v1/auth/me', { language: 'ru' })).statusCode).toBe(200);
  accountId = (await t.createAccount(t.admin, { name: 'Delta Foods', ownerId: owner.user.id })).id;
});
afterAll(async () => {
  await second.close();
  await t.close();
  await sink.close();
});

/** Signs the owner and the admin in again: sessions last a week of the clock, which these tests move by more. */
async function signInAgain() {
  const again = async (c: Caller) => new Caller(t.app, c.user, String((await t.login(c.user.email)).headers['set-cookie']).split(';')[0]);
  owner = await again(owner);
  t.admin = await again(t.admin);
}

/** Runs the deadline job on both instances, as two servers' runners would, and answers how many breaches were recorded. */
async function runBoth(): Promise<number> {
  let breaches = 0;
  for (const jobs of [t.app.services.jobs, second.app.services.jobs]) {
    for (const r of await jobs.runDue()) {
      if (r.name === CLAIM_DEADLINE_JOB && r.outcome.status === 'done') breaches += Number(r.outcome.result.breaches);
    }
  }
  return breaches;
}
const events = async (claimId: string) =>
  ((await t.admin.get(`/api/v1/accounts/${accountId}/timeline?limit=200&kinds=satisfaction`)).json().items as TimelineEntry[]).flatMap(
    (e) => (e.entryType === 'event' && e.kind === 'claim_breached' && e.data.claimId === claimId ? [e] : []),
  );

describe('missed deadlines on a simulated clock', () => {
  let claim: Claim;
  beforeAll(async () => {
    claim = await createClaim(owner, accountId, { severity: 'high', description: 'The shop is down' });
  });

  it('are not breaches before the deadline', async () => {
    t.clock.advance(7 * HOUR + 59 * 60_000);
    expect(await runBoth()).toBe(0);
    expect(sink.messages).toHaveLength(0);
  });

  it('alert the owner and every admin once, each in their language, when respond-by passes', async () => {
    t.clock.advance(2 * 60_000);
    expect(await runBoth()).toBe(1);
    t.clock.advance(10 * 60_000);
    expect(await runBoth()).toBe(0);
    expect(sink.messages.map((m) => (m.to as { text: string }).text).sort()).toEqual(
      [owner.user.email, t.admin.user.email, admin2.user.email].sort(),
    );
    const english = sink.messages.find((m) => (m.to as { text: string }).text === owner.user.email)!;
    expect(english.subject).toBe('Claim deadline missed: Delta Foods');
    expect(english.text).toContain('The high claim of Delta Foods was not responded to by');
    expect(english.text).toContain(`https://crm.example.com/claims/${claim.id}`);
    const russian = sink.messages.find((m) => (m.to as { text: string }).text === admin2.user.email)!;
    expect(russian.subject).toBe('Нарушен срок по претензии: Delta Foods');
    expect((await events(claim.id)).map((e) => e.data.deadline)).toEqual(['respond']);
    const read = (await owner.get(`/api/v1/claims/${claim.id}`)).json();
    expect(read).toMatchObject({ respondBreached: true, resolveBreached: false });
    const rows = await t.database.db.selectFrom('claim_breaches').selectAll().where('claim_id', '=', claim.id).execute();
    expect(rows.map((r) => [r.deadline, Number(r.alerted)])).toEqual([['respond', 3]]);
  });

  it('stay breached once answered late, and resolve-by alerts separately, once', async () => {
    sink.clear();
    await moveClaim(owner, claim.id, { status: 'in_progress' });
    expect((await owner.get(`/api/v1/claims/${claim.id}`)).json().respondBreached).toBe(true);
    t.clock.advance(40 * HOUR);
    expect(await runBoth()).toBe(1);
    t.clock.advance(HOUR);
    expect(await runBoth()).toBe(0);
    expect(sink.messages).toHaveLength(3);
    expect(sink.messages[0].text).toMatch(/not resolved by|не решили до/);
    expect((await events(claim.id)).map((e) => e.data.deadline)).toEqual(['resolve', 'respond']);
  });

  it('never breach for a claim answered and resolved in time', async () => {
    sink.clear();
    const quick = await createClaim(owner, accountId, { severity: 'critical' });
    t.clock.advance(HOUR);
    await moveClaim(owner, quick.id, { status: 'in_progress' });
    await moveClaim(owner, quick.id, RESOLVE);
    t.clock.advance(30 * HOUR);
    expect(await runBoth()).toBe(0);
    expect(sink.messages).toHaveLength(0);
    expect(await events(quick.id)).toEqual([]);
  });
});

describe('auto-closing', () => {
  it('closes a resolved claim the client has not confirmed after the settings’ days, once', async () => {
    const claim = await createClaim(owner, accountId, { severity: 'low' });
    await moveClaim(owner, claim.id, { status: 'in_progress' });
    await moveClaim(owner, claim.id, RESOLVE);
    t.clock.advance((DEFAULT_CLAIM_SETTINGS.autoCloseDays * 24 - 1) * HOUR);
    await runBoth();
    await signInAgain();
    expect((await owner.get(`/api/v1/claims/${claim.id}`)).json().status).toBe('resolved');
    t.clock.advance(2 * HOUR);
    await runBoth();
    await signInAgain();
    const closed = (await owner.get(`/api/v1/claims/${claim.id}`)).json();
    expect(closed).toMatchObject({ status: 'closed', closedHow: 'auto' });
    const moves = (await t.admin.get(`/api/v1/accounts/${accountId}/timeline?limit=200&kinds=satisfaction`)).json()
      .items as TimelineEntry[];
    expect(moves.filter((e) => e.entryType === 'event' && e.data.claimId === claim.id && e.data.to === 'closed')).toHaveLength(1);
  });
});

describe('drafting from a survey answer', () => {
  beforeAll(signInAgain);
  it.each([
    ['nps', 1, 'high'],
    ['nps', 4, 'medium'],
    ['csat', 1, 'high'],
    ['csat', 2, 'medium'],
    ['csat', 4, 'low'],
  ] as const)('a %s answer of %i is a %s claim', async (kind, score, severity) => {
    const answer = {
      surveyId: 's1',
      accountId,
      projectId: null,
      contactId: 'c1',
      kind,
      score,
      comment: 'Nobody answers our emails',
      answeredAt: t.clock.now().toISOString(),
    };
    const id = await t.database.db.transaction().execute((trx) => t.app.services.draftFromSurvey(trx, answer));
    const claim = (await owner.get(`/api/v1/claims/${id}`)).json<Claim>();
    expect(claim).toMatchObject({ source: 'survey', status: 'received', category: 'quality', severity, createdById: null });
    expect(claim.description).toBe(
      `${kind.toUpperCase()} survey answer: ${score} of ${kind === 'nps' ? 10 : 5}.\n\nNobody answers our emails`,
    );
  });

  it('takes the category the settings name for surveys', async () => {
    await t.admin.put('/api/v1/settings/claims', { ...DEFAULT_CLAIM_SETTINGS, surveyCategory: 'communication' });
    const answer = {
      surveyId: 's2',
      accountId,
      projectId: null,
      contactId: 'c1',
      kind: 'nps' as const,
      score: 0,
      comment: null,
      answeredAt: '',
    };
    const id = await t.database.db.transaction().execute((trx) => t.app.services.draftFromSurvey(trx, answer));
    expect((await owner.get(`/api/v1/claims/${id}`)).json()).toMatchObject({
      category: 'communication',
      description: 'NPS survey answer: 0 of 10.',
    });
  });
});
