import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Proposal, PublicProposal } from '../../../common/schemas/proposal.js';
import type { Service } from '../../../common/schemas/service.js';
import { createService } from '../../test/catalog-fixtures.js';
import { createDeal } from '../../test/deal-fixtures.js';
import { emailTo } from '../../test/emailed-links.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { pdfText } from '../../test/pdf-text.js';
import { createProposal, proposalToken, sendProposal } from '../../test/proposal-fixtures.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
let sink: SmtpSink;
let seo: Service;
const NOW = '2026-11-26T09:00:00.000Z';

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ smtpUrl: sink.url, now: NOW, publicUrl: 'https://liaison.example' });
  w = await buildWorld(t);
  seo = await createService(t.admin, {
    name: { en: 'SEO audit', ru: 'SEO-аудит сайта' },
    prices: [
      { currency: 'EUR', amountMinor: 150_000 },
      { currency: 'RUB', amountMinor: 12_000_000 },
    ],
  });
});
afterAll(async () => {
  await t.close();
  await sink.close();
});
beforeEach(() => {
  sink.clear();
  t.clock.set(NOW);
});

const anonymous = (method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, payload });
const pub = (token: string, action = '') => `/api/v1/public/proposals/${token}${action}`;

/** A proposal on a new deal of company A, sent to its contact; the token from the email. */
async function sent(extra: { validUntil?: string } = {}): Promise<{ proposal: Proposal; token: string; dealId: string }> {
  const deal = await createDeal(w.as.owner, w.accountA.id, { title: 'Relaunch', stage: 'proposal' });
  const p = await createProposal(w.as.owner, deal.id, { lines: [{ serviceId: seo.id, quantity: 2, discountPercent: 10 }], ...extra });
  const proposal = await sendProposal(w.as.owner, p.id, w.contactA.id);
  return { proposal, token: proposalToken(emailTo(sink, w.contactA.email!).text), dealId: deal.id };
}

describe('sending emails a link and freezes a document', () => {
  it('emails the contact a link to /p/<token> with the PDF, whose text lists lines, discount, total and validity', async () => {
    const { proposal, token } = await sent();
    const mail = emailTo(sink, w.contactA.email!);
    expect(token.length).toBeGreaterThanOrEqual(43); // 32 random bytes, base64url
    expect(mail.text).toContain(`https://liaison.example/p/${token}`);
    expect(mail.html).toContain(`href="https://liaison.example/p/${token}"`);
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf')!;
    expect(pdf.filename).toBe(`proposal-${proposal.content.documentNumber}.pdf`);
    const text = await pdfText(pdf.content);
    expect(text).toContain('Commercial proposal');
    expect(text).toContain(proposal.content.documentNumber);
    expect(text).toContain('SEO audit');
    expect(text).toContain('Discount 10%: SEO audit');
    expect(text).toContain('Valid until');
    expect(text).toContain('2,700.00'); // 2 × 1,500.00 less 10%
    // The token is not kept in the outbox's copy once the email went.
    const stored = await t.database.db.selectFrom('email_outbox').select('text_body').where('to_address', '=', w.contactA.email!).execute();
    expect(stored.some((e) => e.text_body.includes(token))).toBe(false);
  });

  it('renders Cyrillic for a Russian-speaking account', async () => {
    const account = await t.createAccount(t.admin, { name: 'ООО Ромашка', ownerId: w.as.owner.user.id, language: 'ru', currency: 'RUB' });
    const contact = await t.createContact(t.admin, account.id, 'Ivan');
    const deal = await createDeal(w.as.owner, account.id, { currency: 'RUB', stage: 'proposal' });
    const p = await createProposal(w.as.owner, deal.id, { lines: [{ serviceId: seo.id, quantity: 1 }] });
    await sendProposal(w.as.owner, p.id, contact.id);
    const mail = emailTo(sink, contact.email!);
    expect(mail.text).toContain('коммерческое предложение');
    const text = await pdfText(mail.attachments[0].content);
    expect(text).toContain('Коммерческое предложение');
    expect(text).toContain('SEO-аудит сайта');
    expect(text).toContain('Действительно до');
    expect(text).toContain('ООО Ромашка');
  });
});

describe('the link, without signing in', () => {
  it('shows the sent version and nothing that names another record, and records the first view once', async () => {
    const { proposal, token } = await sent();
    const res = await anonymous('GET', pub(token));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<PublicProposal>();
    expect(body).toMatchObject({ status: 'sent', totalMinor: 270_000, currency: 'EUR', version: 1, accountName: 'Alpha Works' });
    expect(Object.keys(body.lines[0]).sort()).toEqual(
      ['description', 'discountMinor', 'discountPercent', 'grossMinor', 'kind', 'quantity', 'totalMinor', 'unitPriceMinor'].sort(),
    );
    for (const id of [proposal.id, proposal.dealId, proposal.accountId, seo.id]) expect(res.body).not.toContain(id);
    await anonymous('GET', pub(token));
    const events = (await t.admin.get(`/api/v1/accounts/${w.accountA.id}/timeline?limit=200`)).json().items;
    const viewed = events.filter(
      (e: { kind?: string; data?: { proposalId?: string } }) => e.kind === 'proposal_viewed' && e.data?.proposalId === proposal.id,
    );
    expect(viewed).toHaveLength(1);
  });

  it('gives access to nothing else: the token is no session', async () => {
    const { proposal, token } = await sent();
    for (const url of [
      `/api/v1/proposals/${proposal.id}`,
      `/api/v1/deals/${proposal.dealId}`,
      `/api/v1/documents/${proposal.content.documentId}`,
    ]) {
      expect((await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })).statusCode, url).toBe(401);
    }
    expectProblem(await anonymous('GET', pub(`${token.slice(0, -2)}xx`)), 404);
  });

  it('accepts once: the deal is won with the proposal as evidence, the manager is emailed, a second answer is 409', async () => {
    const { proposal, token, dealId } = await sent();
    sink.clear();
    const res = await anonymous('POST', pub(token, '/accept'), { name: 'Anna Alpha' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted' });
    expect((await w.as.owner.get(`/api/v1/proposals/${proposal.id}`)).json()).toMatchObject({
      status: 'accepted',
      decidedByName: 'Anna Alpha',
      can: { update: false, send: false },
    });
    expect((await w.as.owner.get(`/api/v1/deals/${dealId}`)).json().stage).toBe('won');
    const stages = (await w.as.owner.get(`/api/v1/deals/${dealId}/stages`)).json().items;
    expect(stages.at(-1)).toMatchObject({ to: 'won' });
    const toManager = emailTo(sink, w.as.owner.user.email);
    expect(toManager.text).toContain('Alpha Works');
    expect(toManager.text).toContain('Anna Alpha');
    const again = await anonymous('POST', pub(token, '/decline'), { reason: 'Changed our mind' });
    expectProblem(again, 409);
    expect(again.json().detail).toContain('accepted');
    expect((await anonymous('GET', pub(token))).json().status).toBe('accepted');
    expectProblem(await w.as.owner.patch(`/api/v1/proposals/${proposal.id}`, { notes: 'late' }), 409);
  });

  it('lets exactly one of concurrent answers through', async () => {
    const { proposal, token } = await sent();
    const answers = await Promise.all([
      anonymous('POST', pub(token, '/accept'), {}),
      anonymous('POST', pub(token, '/accept'), {}),
      anonymous('POST', pub(token, '/decline'), { reason: 'Too dear' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    const events = (await t.admin.get(`/api/v1/accounts/${w.accountA.id}/timeline?limit=200`)).json().items;
    const decided = events.filter(
      (e: { kind?: string; data?: { proposalId?: string } }) =>
        (e.kind === 'proposal_accepted' || e.kind === 'proposal_declined') && e.data?.proposalId === proposal.id,
    );
    expect(decided).toHaveLength(1);
  });

  it('declines with a reason (required), leaving the deal open', async () => {
    const { proposal, token, dealId } = await sent();
    expectProblem(await anonymous('POST', pub(token, '/decline'), { reason: ' ' }), 400, 'reason');
    const res = await anonymous('POST', pub(token, '/decline'), { reason: 'Over our budget' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await w.as.owner.get(`/api/v1/proposals/${proposal.id}`)).json()).toMatchObject({
      status: 'declined',
      declineReason: 'Over our budget',
    });
    expect((await w.as.owner.get(`/api/v1/deals/${dealId}`)).json().stage).toBe('proposal');
    const events = (await t.admin.get(`/api/v1/accounts/${w.accountA.id}/timeline?limit=200`)).json().items;
    expect(
      events.find(
        (e: { kind?: string; data?: { proposalId?: string } }) => e.kind === 'proposal_declined' && e.data?.proposalId === proposal.id,
      )?.data.reason,
    ).toBe('Over our budget');
  });

  it('stops working past the validity date, and when revoked', async () => {
    const { token } = await sent({ validUntil: '2026-11-30' });
    t.clock.set('2026-12-01T09:00:00.000Z');
    const expired = await anonymous('POST', pub(token, '/accept'), {});
    expectProblem(expired, 410);
    expect(expired.json().detail).toContain('valid until');

    t.clock.set(NOW);
    sink.clear();
    const other = await sent();
    expect((await w.as.finance.post(`/api/v1/proposals/${other.proposal.id}/revoke-link`)).statusCode).toBe(403);
    const revoke = await w.as.owner.post(`/api/v1/proposals/${other.proposal.id}/revoke-link`);
    expect(revoke.json()).toEqual({ revoked: 1 });
    const res = await anonymous('GET', pub(other.token));
    expectProblem(res, 410);
    expect(res.json().detail).toContain('withdrawn');
    expectProblem(await anonymous('POST', pub(other.token, '/accept'), {}), 410);
    expect((await w.as.owner.get(`/api/v1/proposals/${other.proposal.id}`)).json().status).toBe('sent');
  });

  it('shows the new version once it is sent, through the same link', async () => {
    const { proposal, token } = await sent();
    await w.as.owner.patch(`/api/v1/proposals/${proposal.id}`, { lines: [{ serviceId: seo.id, quantity: 1 }] });
    expect((await anonymous('GET', pub(token))).json()).toMatchObject({ version: 1, totalMinor: 270_000 });
    await sendProposal(w.as.owner, proposal.id, w.contactA.id);
    expect((await anonymous('GET', pub(token))).json()).toMatchObject({ version: 2, totalMinor: 150_000 });
  });

  it('starts the project from an accepted proposal once, from its catalog lines and total', async () => {
    const { proposal, token } = await sent();
    const start = (by = w.as.owner) => by.post(`/api/v1/proposals/${proposal.id}/start-project`, { startDate: '2026-12-07' });
    expectProblem(await start(), 409);
    await anonymous('POST', pub(token, '/accept'), {});
    expect((await start(w.as.finance)).statusCode).toBe(403);
    const res = await start();
    expect(res.statusCode, res.body).toBe(201);
    const { projectId, milestones, tasks } = res.json();
    expect(milestones).toBe(2);
    expect(tasks).toBe(3);
    const project = (await w.as.owner.get(`/api/v1/projects/${projectId}`)).json();
    expect(project).toMatchObject({ name: 'Relaunch', accountId: w.accountA.id, currency: 'EUR' });
    expect((await w.as.owner.get(`/api/v1/proposals/${proposal.id}`)).json()).toMatchObject({ projectId, can: { startProject: false } });
    const again = await start();
    expectProblem(again, 409);
    expect(again.json().detail).toContain(`/projects/${projectId}`);
  });
});
