import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proposal } from '../../../common/schemas/proposal.js';
import type { Service } from '../../../common/schemas/service.js';
import { createService } from '../../test/catalog-fixtures.js';
import { createDeal } from '../../test/deal-fixtures.js';
import { auditEntries, expectNoWrite, expectProblem, fetchAllPages } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { createProposal, sendProposal } from '../../test/proposal-fixtures.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
let seo: Service;
let audit: Service;
let dealId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T09:00:00.000Z', publicUrl: 'https://liaison.example' });
  w = await buildWorld(t);
  seo = await createService(t.admin, { prices: [{ currency: 'EUR', amountMinor: 150_000 }] });
  audit = await createService(t.admin, {
    prices: [
      { currency: 'EUR', amountMinor: 99_99 },
      { currency: 'USD', amountMinor: 120_00 },
    ],
  });
  dealId = (await createDeal(w.as.owner, w.accountA.id, { title: 'Site relaunch' })).id;
});
afterAll(() => t.close());

describe('making a proposal', () => {
  it('prices catalog lines from the service in the deal’s currency, takes free lines, and totals by the invoice rules', async () => {
    const p = await createProposal(w.as.owner, dealId, {
      lines: [
        { serviceId: seo.id, quantity: 1, discountPercent: 10 },
        { serviceId: audit.id, quantity: 2.5, discountPercent: 12.5 },
        { description: 'Workshop', quantity: 1, unitPriceMinor: 40_000 },
      ],
    });
    expect(p).toMatchObject({ status: 'draft', currency: 'EUR', accountId: w.accountA.id, dealId, latestVersion: 1, sentVersion: null });
    expect(p.validUntil).toBe('2026-12-26');
    expect(p.content.lines.map((l) => [l.description, l.unitPriceMinor, l.grossMinor, l.discountMinor, l.totalMinor])).toEqual([
      [seo.name.en, 150_000, 150_000, 15_000, 135_000],
      // 2.5 × 99.99 = 249.975 → 249.98; 12.5% of it = 31.2475 → 31.25
      [audit.name.en, 99_99, 249_98, 31_25, 218_73],
      ['Workshop', 40_000, 40_000, 0, 40_000],
    ]);
    expect(p.content).toMatchObject({ subtotalMinor: 196_873, discountMinor: 0, totalMinor: 196_873 });
    expect((await auditEntries(t, `recordId=${p.id}`)).map((e) => e.action)).toEqual(['create']);
  });

  it('refuses a service without a price in the deal’s currency, naming it, and writes nothing', async () => {
    const usdOnly = await createService(t.admin, { prices: [{ currency: 'USD', amountMinor: 500_00 }] });
    const res = await expectNoWrite(t, () =>
      w.as.owner.post('/api/v1/proposals', { dealId, lines: [{ serviceId: usdOnly.id, quantity: 1 }] }),
    );
    expectProblem(res, 400, 'lines.0.unitPriceMinor');
    expect(res.json().detail).toContain(usdOnly.name.en);
    expect(res.json().detail).toContain('EUR');
  });

  it.each([
    ['a free line without a price', { description: 'Extra', quantity: 1 }, 'lines.0.unitPriceMinor'],
    ['a free line without a description', { quantity: 1, unitPriceMinor: 100 }, 'lines.0.description'],
    ['an unknown service', { serviceId: 'nope', quantity: 1 }, 'lines.0.serviceId'],
    ['a discount over 100%', { description: 'X', quantity: 1, unitPriceMinor: 100, discountPercent: 101 }, 'lines.0.discountPercent'],
    [
      'a discount with three decimals',
      { description: 'X', quantity: 1, unitPriceMinor: 100, discountPercent: 1.125 },
      'lines.0.discountPercent',
    ],
    ['a quantity with four decimals', { description: 'X', quantity: 1.0001, unitPriceMinor: 100 }, 'lines.0.quantity'],
    ['a zero quantity', { description: 'X', quantity: 0, unitPriceMinor: 100 }, 'lines.0.quantity'],
    ['a fractional price', { description: 'X', quantity: 1, unitPriceMinor: 1.5 }, 'lines.0.unitPriceMinor'],
  ])('refuses %s with a 400 on the field', async (_what, line, field) => {
    const res = await expectNoWrite(t, () => w.as.owner.post('/api/v1/proposals', { dealId, lines: [line] }));
    expectProblem(res, 400, field);
  });

  it('refuses a deal it cannot see as if there were none, a past validity, and a closed deal', async () => {
    const other = await createDeal(w.as.nonOwner, w.accountB.id);
    expectProblem(await w.as.owner.post('/api/v1/proposals', { dealId: other.id }), 400, 'dealId');
    expectProblem(await w.as.owner.post('/api/v1/proposals', { dealId, validUntil: '2026-11-25' }), 400, 'validUntil');
    const won = await createDeal(w.as.owner, w.accountA.id);
    expect((await w.as.owner.post(`/api/v1/deals/${won.id}/stage`, { stage: 'won', note: 'Signed' })).statusCode).toBe(200);
    expectProblem(await w.as.owner.post('/api/v1/proposals', { dealId: won.id }), 400, 'dealId');
  });
});

describe('the account’s discount', () => {
  it('adds a negative line with its reason on the subtotal, recalculated on every change', async () => {
    let percent = 5;
    t.app.services.addDiscountSource((_t, accountId) =>
      accountId === w.accountB.id ? { percent, reason: `Loyalty programme, ${percent}%` } : null,
    );
    const deal = await createDeal(w.as.nonOwner, w.accountB.id);
    const p = await createProposal(w.as.nonOwner, deal.id, { lines: [{ description: 'Audit', quantity: 3, unitPriceMinor: 333_33 }] });
    const loyalty = p.content.lines.at(-1)!;
    // subtotal 999.99; 5% = 49.9995 → 50.00
    expect(loyalty).toMatchObject({ kind: 'loyalty', description: 'Loyalty programme, 5%', totalMinor: -50_00, discountPercent: 5 });
    expect(p.content).toMatchObject({ subtotalMinor: 999_99, discountMinor: -50_00, totalMinor: 949_99 });
    percent = 10;
    const res = await w.as.nonOwner.patch(`/api/v1/proposals/${p.id}`, {
      lines: [{ description: 'Audit', quantity: 1, unitPriceMinor: 100_00 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Proposal>().content).toMatchObject({ subtotalMinor: 100_00, discountMinor: -10_00, totalMinor: 90_00 });
    expect(res.json<Proposal>().content.lines.filter((l) => l.kind === 'loyalty')).toHaveLength(1);
    // Other accounts get none.
    const a = await createProposal(w.as.owner, dealId, { lines: [{ description: 'Audit', quantity: 1, unitPriceMinor: 100_00 }] });
    expect(a.content.discountMinor).toBe(0);
  });
});

describe('versions', () => {
  it('changes a draft in place, starts version 2 after sending, and keeps version 1 as sent', async () => {
    const p = await createProposal(w.as.owner, dealId, { lines: [{ serviceId: seo.id, quantity: 1 }] });
    const edited = await w.as.owner.patch(
      `/api/v1/proposals/${p.id}`,
      { lines: [{ serviceId: seo.id, quantity: 2 }] },
      { 'if-match': `"${p.version}"` },
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<Proposal>()).toMatchObject({ latestVersion: 1, totalMinor: 300_000 });
    expect((await w.as.owner.patch(`/api/v1/proposals/${p.id}`, { notes: 'x' }, { 'if-match': `"${p.version}"` })).statusCode).toBe(412);

    const sent = await sendProposal(w.as.owner, p.id, w.contactA.id);
    expect(sent).toMatchObject({ status: 'sent', sentVersion: 1, latestVersion: 1 });
    expect(sent.content.documentNumber).toMatch(/^PR-2026-/);

    const v2 = await w.as.owner.patch(`/api/v1/proposals/${p.id}`, { lines: [{ serviceId: seo.id, quantity: 3, discountPercent: 20 }] });
    expect(v2.json<Proposal>()).toMatchObject({ status: 'sent', sentVersion: 1, latestVersion: 2, totalMinor: 360_000 });
    expect(v2.json<Proposal>().content).toMatchObject({ number: 2, sentAt: null, documentId: null });

    const versions = (await w.as.owner.get(`/api/v1/proposals/${p.id}/versions`)).json().items;
    expect(versions.map((v: { number: number; totalMinor: number }) => [v.number, v.totalMinor])).toEqual([
      [1, 300_000],
      [2, 360_000],
    ]);
    const v1 = (await w.as.owner.get(`/api/v1/proposals/${p.id}/versions/1`)).json();
    expect(v1).toMatchObject({ number: 1, totalMinor: 300_000, documentNumber: sent.content.documentNumber });
    expect((await w.as.owner.get(`/api/v1/documents/${v1.documentId}/pdf`)).statusCode).toBe(200);

    const resent = await sendProposal(w.as.owner, p.id, w.contactA.id);
    expect(resent).toMatchObject({ sentVersion: 2, latestVersion: 2, totalMinor: 360_000 });
    expect(resent.content.documentNumber).not.toBe(sent.content.documentNumber);
    expect((await w.as.owner.get(`/api/v1/proposals/${p.id}/versions/3`)).statusCode).toBe(404);
  });

  it('deletes only a draft never sent', async () => {
    const draft = await createProposal(w.as.owner, dealId);
    expect((await w.as.owner.delete(`/api/v1/proposals/${draft.id}`)).statusCode).toBe(204);
    expect((await w.as.owner.get(`/api/v1/proposals/${draft.id}`)).statusCode).toBe(404);
    const sent = await createProposal(w.as.owner, dealId, { lines: [{ serviceId: seo.id, quantity: 1 }] });
    await sendProposal(w.as.owner, sent.id, w.contactA.id);
    expectProblem(await w.as.owner.delete(`/api/v1/proposals/${sent.id}`), 409);
  });
});

describe('sending', () => {
  it('refuses a proposal without lines or past its validity with a 400', async () => {
    const empty = await createProposal(w.as.owner, dealId);
    expectProblem(await w.as.owner.post(`/api/v1/proposals/${empty.id}/send`, { contactId: w.contactA.id }), 400, 'lines');
    const old = await createProposal(w.as.owner, dealId, { validUntil: '2026-11-27', lines: [{ serviceId: seo.id, quantity: 1 }] });
    t.clock.advance(2 * 86_400_000);
    try {
      expectProblem(await w.as.owner.post(`/api/v1/proposals/${old.id}/send`, { contactId: w.contactA.id }), 400, 'validUntil');
    } finally {
      t.clock.set('2026-11-26T09:00:00.000Z');
    }
    const ready = await createProposal(w.as.owner, dealId, { lines: [{ serviceId: seo.id, quantity: 1 }] });
    // Another company's contact is no recipient of this one's proposal.
    expectProblem(await w.as.owner.post(`/api/v1/proposals/${ready.id}/send`, { contactId: w.contactB.id }), 400, 'contactId');
    expectProblem(await w.as.owner.post(`/api/v1/proposals/${ready.id}/send`, {}), 400);
    expect((await w.as.owner.get(`/api/v1/proposals/${ready.id}`)).json().status).toBe('draft');
  });

  it('moves a deal before the proposal stage to it, and puts the send on the timeline', async () => {
    const deal = await createDeal(w.as.owner, w.accountA.id, { stage: 'meeting' });
    const p = await createProposal(w.as.owner, deal.id, { lines: [{ serviceId: seo.id, quantity: 1 }] });
    await sendProposal(w.as.owner, p.id, w.contactA.id);
    expect((await w.as.owner.get(`/api/v1/deals/${deal.id}`)).json().stage).toBe('proposal');
    const events = (await t.admin.get(`/api/v1/accounts/${w.accountA.id}/timeline?limit=200`)).json().items;
    expect(
      events.some((e: { kind?: string; data?: { proposalId?: string } }) => e.kind === 'proposal_sent' && e.data?.proposalId === p.id),
    ).toBe(true);
  });
});

describe('who may do what', () => {
  let p: Proposal;
  beforeAll(async () => {
    p = await createProposal(w.as.owner, dealId, { lines: [{ serviceId: seo.id, quantity: 1 }] });
  });

  it('lets the account’s managers, admins and finance read it; specialists and clients none', async () => {
    for (const viewer of ['owner', 'backup', 'admin', 'finance'] as const) {
      expect((await w.as[viewer].get(`/api/v1/proposals/${p.id}`)).statusCode, viewer).toBe(200);
      const listed = await fetchAllPages(w.as[viewer], `/api/v1/proposals?dealId=${dealId}`);
      expect(
        listed.map((x) => x.id),
        viewer,
      ).toContain(p.id);
    }
    expect((await w.as.nonOwner.get(`/api/v1/proposals/${p.id}`)).statusCode).toBe(404);
    expect(await fetchAllPages(w.as.nonOwner, `/api/v1/proposals?dealId=${dealId}`)).toEqual([]);
    for (const viewer of ['specialist', 'clientA', 'clientB'] as const) {
      expect((await w.as[viewer].get('/api/v1/proposals')).statusCode, viewer).toBe(403);
    }
  });

  it('answers specialists and clients on every route of one proposal as if it did not exist, a sent one too', async () => {
    const sent = await createProposal(w.as.owner, dealId, { lines: [{ serviceId: seo.id, quantity: 1 }] });
    await sendProposal(w.as.owner, sent.id, w.contactA.id);
    const routes = (id: string) =>
      [
        ['GET', `/api/v1/proposals/${id}`],
        ['PATCH', `/api/v1/proposals/${id}`, { notes: 'x' }],
        ['DELETE', `/api/v1/proposals/${id}`],
        ['GET', `/api/v1/proposals/${id}/versions`],
        ['GET', `/api/v1/proposals/${id}/versions/1`],
        ['POST', `/api/v1/proposals/${id}/send`, { contactId: w.contactA.id }],
        ['POST', `/api/v1/proposals/${id}/revoke-link`, {}],
        ['POST', `/api/v1/proposals/${id}/start-project`, { startDate: '2026-12-01' }],
      ] as const;
    const ghosts = routes('no-such-proposal');
    for (const viewer of ['specialist', 'clientA', 'clientB'] as const) {
      for (const [i, [method, url, body]] of routes(sent.id).entries()) {
        const res = await w.as[viewer].request(method, url, body);
        const ghost = await w.as[viewer].request(method, ghosts[i][1], body);
        expect([res.statusCode, res.json().detail], `${viewer} ${method} ${url}`).toEqual([404, ghost.json().detail]);
      }
    }
    // The client of the account reads the sent proposal where clients read it: the portal.
    expect((await fetchAllPages(w.as.clientA, '/api/v1/portal/proposals')).map((x) => x.id)).toContain(sent.id);
    expect((await w.as.owner.get(`/api/v1/proposals/${sent.id}`)).json().status).toBe('sent');
  });

  it('lets the account’s manager and admins change it; finance 403, others 404', async () => {
    for (const viewer of ['finance', 'backup'] as const) {
      expect((await w.as[viewer].patch(`/api/v1/proposals/${p.id}`, { notes: 'x' })).statusCode, viewer).toBe(403);
      expect((await w.as[viewer].post(`/api/v1/proposals/${p.id}/send`, { contactId: w.contactA.id })).statusCode, viewer).toBe(403);
    }
    expect((await w.as.nonOwner.patch(`/api/v1/proposals/${p.id}`, { notes: 'x' })).statusCode).toBe(404);
    expect((await t.admin.patch(`/api/v1/proposals/${p.id}`, { notes: 'By the admin' })).statusCode).toBe(200);
    expect((await w.as.finance.get(`/api/v1/proposals/${p.id}`)).json().can).toMatchObject({ update: false, send: false });
    expect((await w.as.owner.get(`/api/v1/proposals/${p.id}`)).json().can).toMatchObject({ update: true, send: true, remove: true });
  });

  it('filters by status, expired being sent past its validity', async () => {
    const deal = await createDeal(w.as.owner, w.accountA.id);
    const soon = await createProposal(w.as.owner, deal.id, { validUntil: '2026-11-27', lines: [{ serviceId: seo.id, quantity: 1 }] });
    await sendProposal(w.as.owner, soon.id, w.contactA.id);
    const ids = async (status: string) =>
      (await fetchAllPages(w.as.owner, `/api/v1/proposals?dealId=${deal.id}&status=${status}`)).map((x) => x.id);
    expect(await ids('sent')).toEqual([soon.id]);
    t.clock.advance(2 * 86_400_000);
    try {
      expect(await ids('sent')).toEqual([]);
      expect(await ids('expired')).toEqual([soon.id]);
      expect((await w.as.owner.get(`/api/v1/proposals/${soon.id}`)).json().status).toBe('expired');
    } finally {
      t.clock.set('2026-11-26T09:00:00.000Z');
    }
  });
});
