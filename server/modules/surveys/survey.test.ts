import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMilestone, createProject } from '../../test/delivery-fixtures.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import { accountWithContact, mailsTo, PUBLIC_URL, sendSurvey, surveyLinkIn } from '../../test/survey-fixtures.js';

let sink: SmtpSink;
let t: TestApp;
let manager: Caller;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ smtpUrl: sink.url, publicUrl: PUBLIC_URL });
  manager = await t.signIn('account_manager');
});
afterAll(async () => {
  await t.close();
  await sink.close();
});
beforeEach(() => sink.clear());

const open = (token: string) => t.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${token}` });
const answer = (token: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url: `/api/v1/public/surveys/${token}`, payload: payload as object });

async function emailed(email: string, kind: 'nps' | 'csat', language?: 'en' | 'ru') {
  const { account, contact } = await accountWithContact(t, manager, { email, language });
  const survey = await sendSurvey(manager, { accountId: account.id, contactId: contact.id, kind });
  const [mail] = mailsTo(sink, email);
  return { account, contact, survey, mail, ...surveyLinkIn(mail) };
}

describe('sending a survey', () => {
  it('emails the contact a single-use link in their language: English', async () => {
    const { survey, mail, url, token } = await emailed('ann@client.test', 'nps');
    expect(survey).toMatchObject({ kind: 'nps', trigger: 'manual', state: 'pending', language: 'en', score: null });
    expect(url).toBe(`${PUBLIC_URL}/s/${token}`);
    expect(token.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits in base64url
    expect(mail.text).toContain('How likely are you to recommend');
    // Only the hash is stored, and the outbox keeps no copy of the token once sent.
    const row = await t.database.db.selectFrom('surveys').selectAll().where('id', '=', survey.id).executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(token);
    const stored = await t.database.db
      .selectFrom('email_outbox')
      .select('text_body')
      .where('id', '=', row.email_id!)
      .executeTakeFirstOrThrow();
    expect(stored.text_body).not.toContain(token);
    expect(Date.parse(survey.expiresAt) - Date.parse(survey.sentAt)).toBe(30 * 24 * 3600_000);
  });

  it('emails the contact in Russian when they read Russian, and the public page asks in Russian', async () => {
    const { mail, token } = await emailed('boris@client.test', 'csat', 'ru');
    expect(mail.subject).toContain('Короткий вопрос');
    expect(mail.text).toContain('Насколько вы довольны');
    const page = await open(token);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ kind: 'csat', language: 'ru', min: 1, max: 5, projectName: null });
    expect(Object.keys(page.json()).sort()).toEqual(['agencyName', 'kind', 'language', 'max', 'min', 'projectName', 'question']);
  });

  it('refuses a contact of another account (400) and one without an email (422), writing nothing', async () => {
    const { account } = await accountWithContact(t, manager, { email: 'carl@client.test' });
    const other = await accountWithContact(t, manager, { email: 'dora@client.test' });
    expectProblem(
      await manager.post('/api/v1/surveys', { accountId: account.id, contactId: other.contact.id, kind: 'nps' }),
      400,
      'contactId',
    );
    const silent = (await manager.post('/api/v1/contacts', { accountId: account.id, firstName: 'Silent' })).json();
    expectProblem(await manager.post('/api/v1/surveys', { accountId: account.id, contactId: silent.id, kind: 'nps' }), 422);
    expectProblem(await manager.post('/api/v1/surveys', { accountId: account.id, contactId: silent.id, kind: 'ces' }), 400, 'kind');
    const rows = await t.database.db.selectFrom('surveys').select('id').where('account_id', '=', account.id).execute();
    expect(rows).toHaveLength(0);
  });

  it('emails the client as soon as a milestone is done or a project delivered, not at the next delivery round', async () => {
    const { account } = await accountWithContact(t, manager, { email: 'mona@client.test' });
    const project = await createProject(manager, account.id, { name: 'Shop audit' });
    const milestone = await createMilestone(manager, project.id, 'Crawl', '2030-04-01');
    expect((await manager.patch(`/api/v1/milestones/${milestone.id}`, { status: 'done' })).statusCode).toBe(200);
    // The response came after the email went: the sink has it, and the outbox row is sent.
    const [csat] = mailsTo(sink, 'mona@client.test');
    expect(csat.text).toContain('How satisfied are you with our work on Shop audit?');
    expect(surveyLinkIn(csat).url.startsWith(`${PUBLIC_URL}/s/`)).toBe(true);

    const other = await accountWithContact(t, manager, { email: 'nils@client.test' });
    const delivered = await createProject(manager, other.account.id, { name: 'Landing copy' });
    for (const stage of ['planning', 'in_progress', 'review']) {
      expect(mailsTo(sink, 'nils@client.test')).toHaveLength(0);
      expect((await manager.patch(`/api/v1/projects/${delivered.id}`, { stage })).statusCode).toBe(200);
    }
    expect((await manager.patch(`/api/v1/projects/${delivered.id}`, { stage: 'delivered' })).statusCode).toBe(200);
    const asked = mailsTo(sink, 'nils@client.test').map((m) => m.text ?? '');
    expect(asked).toHaveLength(2);
    expect(asked.some((text) => text.includes('How satisfied are you with our work on Landing copy?'))).toBe(true);
    expect(asked.some((text) => text.includes('How likely are you to recommend'))).toBe(true);
    const outbox = await t.database.db
      .selectFrom('email_outbox')
      .select('status')
      .where('account_id', 'in', [account.id, other.account.id])
      .where('purpose', 'like', 'survey:%')
      .execute();
    expect(outbox.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });
});

describe('answering by the emailed link', () => {
  it('checks the score against the kind: NPS 0–10, CSAT 1–5, whole numbers', async () => {
    const nps = await emailed('eve@client.test', 'nps');
    for (const score of [-1, 11]) expectProblem(await answer(nps.token, { score }), 400, 'score');
    expectProblem(await answer(nps.token, { score: 5.5 }), 400, 'score');
    expectProblem(await answer(nps.token, {}), 400, 'score');
    const csat = await emailed('fay@client.test', 'csat');
    for (const score of [0, 6]) expectProblem(await answer(csat.token, { score }), 400, 'score');
    expect((await answer(csat.token, { score: 5, comment: 'Great work' })).statusCode).toBe(204);
    expect((await answer(nps.token, { score: 0 })).statusCode).toBe(204);
    const got = (await manager.get(`/api/v1/surveys/${csat.survey.id}`)).json();
    expect(got).toMatchObject({ state: 'answered', score: 5, comment: 'Great work' });
  });

  it('takes one answer only, even two at the same moment', async () => {
    const { survey, token } = await emailed('gus@client.test', 'nps');
    const [a, b] = await Promise.all([answer(token, { score: 9 }), answer(token, { score: 10 })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([204, 410]);
    const again = expectProblem(await answer(token, { score: 8 }), 410);
    expect(again.detail).toContain('already answered');
    expectProblem(await open(token), 410);
    const events = (await manager.get(`/api/v1/accounts/${survey.accountId}/timeline?kinds=satisfaction`)).json().items;
    expect(events.filter((e: { kind?: string }) => e.kind === 'survey_answered')).toHaveLength(1);
  });

  it('closes after 30 days', async () => {
    const { survey, token } = await emailed('hal@client.test', 'csat');
    t.clock.advance(30 * 24 * 3600_000 + 1000);
    try {
      expect(expectProblem(await open(token), 410).detail).toContain('30 days');
      expectProblem(await answer(token, { score: 4 }), 410);
      // Sessions last a week of the clock: someone signs in anew a month later.
      const admin = await t.signIn('admin');
      expect((await admin.get(`/api/v1/surveys/${survey.id}`)).json().state).toBe('expired');
    } finally {
      t.clock.advance(-(30 * 24 * 3600_000 + 1000));
    }
  });

  it('refuses a forged token, and a token answers its own survey only', async () => {
    expectProblem(await open('forged-token-that-is-not-anyones'), 404);
    expectProblem(await answer('forged-token-that-is-not-anyones', { score: 3 }), 404);
    const first = await emailed('ida@client.test', 'nps');
    const second = await emailed('jon@client.test', 'nps');
    expect((await answer(first.token, { score: 9 })).statusCode).toBe(204);
    expect((await manager.get(`/api/v1/surveys/${second.survey.id}`)).json().state).toBe('pending');
    expect((await manager.get(`/api/v1/surveys/${first.survey.id}`)).json().score).toBe(9);
  });
});

describe('a low answer', () => {
  it('alerts the owner at once and opens a next step for them', async () => {
    const { account, token } = await emailed('kim@client.test', 'nps');
    sink.clear();
    expect((await answer(token, { score: 4, comment: 'Deadlines slip' })).statusCode).toBe(204);
    const [alert] = mailsTo(sink, manager.user.email);
    expect(alert.subject).toContain('NPS 4');
    expect(alert.text).toContain('Deadlines slip');
    expect(alert.text).toContain(`${PUBLIC_URL}/accounts/${account.id}?tab=surveys`);
    const steps = (await manager.get(`/api/v1/next-steps?accountId=${account.id}`)).json().items;
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ ownerId: manager.user.id, state: 'open' });
    expect(steps[0].text).toContain('4');
  });

  it('a promoter or a happy CSAT sets off nothing', async () => {
    const nps = await emailed('lea@client.test', 'nps');
    const csat = await emailed('max@client.test', 'csat');
    sink.clear();
    await answer(nps.token, { score: 7 });
    await answer(csat.token, { score: 3 });
    expect(mailsTo(sink, manager.user.email)).toHaveLength(0);
    expect((await manager.get(`/api/v1/next-steps?accountId=${nps.account.id}`)).json().items).toHaveLength(0);
  });

  it('opens a claim draft from a low answer when the setting says so, in the answer’s transaction, instead of a next step', async () => {
    const settings = (await t.admin.get('/api/v1/settings/surveys')).json();
    expect((await t.admin.put('/api/v1/settings/surveys', { ...settings, followUp: 'claim' })).statusCode).toBe(200);
    try {
      const seen: unknown[] = [];
      t.app.services.surveys.addLowAnswerHandler(async (trx, a) => {
        // In the answer's transaction: the answer is already stored there.
        const row = await trx.selectFrom('surveys').select('score').where('id', '=', a.surveyId).executeTakeFirstOrThrow();
        seen.push({ ...a, stored: row.score });
      });
      const claimed = await emailed('ola@client.test', 'csat');
      await answer(claimed.token, { score: 2, comment: 'Slow' });
      expect(seen).toEqual([
        expect.objectContaining({
          surveyId: claimed.survey.id,
          accountId: claimed.account.id,
          kind: 'csat',
          score: 2,
          comment: 'Slow',
          stored: 2,
        }),
      ]);
      // The claims module's draft, registered by the application itself.
      const claims = (await manager.get(`/api/v1/claims?accountId=${claimed.account.id}`)).json().items;
      expect(claims).toEqual([expect.objectContaining({ source: 'survey', status: 'received' })]);
      expect(claims[0].description).toContain('Slow');
      expect((await manager.get(`/api/v1/next-steps?accountId=${claimed.account.id}`)).json().items).toHaveLength(0);
      expect(mailsTo(sink, manager.user.email).length).toBeGreaterThan(0);
    } finally {
      await t.admin.put('/api/v1/settings/surveys', settings);
    }
  });
});

describe('who sees and sends surveys', () => {
  it('managers their accounts, finance reads, specialists and clients none; only admins change the settings', async () => {
    const { account, contact, survey } = await emailed('pia@client.test', 'nps');
    const stranger = await t.signIn('account_manager');
    const finance = await t.signIn('finance');
    const specialist = await t.signIn('specialist');
    const client = await t.signIn('client', { contactId: contact.id });

    expect((await stranger.get(`/api/v1/surveys/${survey.id}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/v1/surveys?accountId=${account.id}`)).json().items).toHaveLength(0);
    expectProblem(await stranger.post('/api/v1/surveys', { accountId: account.id, contactId: contact.id, kind: 'nps' }), 400, 'accountId');

    expect((await finance.get(`/api/v1/surveys/${survey.id}`)).statusCode).toBe(200);
    expect((await finance.get(`/api/v1/surveys?accountId=${account.id}`)).json().items.map((s: { id: string }) => s.id)).toEqual([
      survey.id,
    ]);
    expectProblem(await finance.post('/api/v1/surveys', { accountId: account.id, contactId: contact.id, kind: 'nps' }), 403);

    for (const caller of [specialist, client]) {
      expect((await caller.get('/api/v1/surveys')).statusCode).toBe(403);
      expect((await caller.get(`/api/v1/surveys/${survey.id}`)).statusCode).toBe(404);
    }
    expect((await manager.get('/api/v1/settings/surveys')).statusCode).toBe(403);
    expect((await t.admin.get('/api/v1/settings/surveys')).statusCode).toBe(200);
  });

  it('lists by account, kind and answered, a page at a time', async () => {
    const { account, contact } = await accountWithContact(t, manager, { email: 'quinn@client.test' });
    const second = (await manager.post('/api/v1/contacts', { accountId: account.id, firstName: 'Rae', email: 'rae@client.test' })).json();
    const nps = await sendSurvey(manager, { accountId: account.id, contactId: contact.id, kind: 'nps' });
    t.clock.advance(1000);
    const csat = await sendSurvey(manager, { accountId: account.id, contactId: second.id, kind: 'csat' });
    const token = surveyLinkIn(mailsTo(sink, 'rae@client.test')[0]).token;
    await answer(token, { score: 5 });
    const list = (q: string) => manager.get(`/api/v1/surveys?accountId=${account.id}${q}`).then((r) => r.json());
    expect((await list('')).items.map((s: { id: string }) => s.id)).toEqual([csat.id, nps.id]);
    expect((await list('&kind=nps')).items.map((s: { id: string }) => s.id)).toEqual([nps.id]);
    expect((await list('&answered=true')).items.map((s: { id: string }) => s.id)).toEqual([csat.id]);
    expect((await list('&answered=false')).items.map((s: { id: string }) => s.id)).toEqual([nps.id]);
    const first = await list('&limit=1');
    expect(first.items.map((s: { id: string }) => s.id)).toEqual([csat.id]);
    expect((await list(`&limit=1&cursor=${first.nextCursor}`)).items.map((s: { id: string }) => s.id)).toEqual([nps.id]);
    expectProblem(await manager.get('/api/v1/surveys?cursor=garbage'), 400, 'cursor');
  });
});

describe('in the portal', () => {
  it('a client answers their own pending surveys, never another contact’s', async () => {
    const { account, contact, survey } = await emailed('sam@client.test', 'csat');
    const colleague = (
      await manager.post('/api/v1/contacts', { accountId: account.id, firstName: 'Tess', email: 'tess@client.test' })
    ).json();
    const theirs = await sendSurvey(manager, { accountId: account.id, contactId: colleague.id, kind: 'nps' });
    const client = await t.signIn('client', { contactId: contact.id });
    const pending = (await client.get('/api/v1/portal/surveys')).json().items;
    expect(pending.map((s: { id: string }) => s.id)).toEqual([survey.id]);
    expect(pending[0]).toMatchObject({ kind: 'csat', min: 1, max: 5 });
    expectProblem(await client.post(`/api/v1/portal/surveys/${theirs.id}/answer`, { score: 9 }), 404);
    expectProblem(await client.post(`/api/v1/portal/surveys/${survey.id}/answer`, { score: 9 }), 400, 'score');
    expect((await client.post(`/api/v1/portal/surveys/${survey.id}/answer`, { score: 4 })).statusCode).toBe(204);
    expectProblem(await client.post(`/api/v1/portal/surveys/${survey.id}/answer`, { score: 4 }), 410);
    expect((await client.get('/api/v1/portal/surveys')).json().items).toEqual([]);
    expect((await manager.get('/api/v1/portal/surveys')).statusCode).toBe(403);
  });
});
