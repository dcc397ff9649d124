import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalProposal } from '../../../common/schemas/proposal.js';
import type { Service } from '../../../common/schemas/service.js';
import { createService } from '../../test/catalog-fixtures.js';
import { createDeal } from '../../test/deal-fixtures.js';
import { auditEntries, expectNoWrite, expectProblem } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { createProposal, sendProposal } from '../../test/proposal-fixtures.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
let seo: Service;
const NOW = '2026-11-26T09:00:00.000Z';

beforeAll(async () => {
  t = await createTestApp({ now: NOW, publicUrl: 'https://liaison.example' });
  w = await buildWorld(t);
  seo = await createService(t.admin, { prices: [{ currency: 'EUR', amountMinor: 150_000 }] });
});
afterAll(() => t.close());

const lines = () => [{ serviceId: seo.id, quantity: 2, discountPercent: 10 }];

/** A proposal on a new deal of the account: sent to its contact unless `draft`. */
async function proposalOf(account: 'A' | 'B', opts: { draft?: boolean; validUntil?: string } = {}) {
  const [owner, accountId, contactId] =
    account === 'A' ? [w.as.owner, w.accountA.id, w.contactA.id] : [w.as.nonOwner, w.accountB.id, w.contactB.id];
  const deal = await createDeal(owner, accountId, { stage: 'negotiation' });
  const p = await createProposal(owner, deal.id, { lines: lines(), validUntil: opts.validUntil });
  return { proposal: opts.draft ? p : await sendProposal(owner, p.id, contactId), dealId: deal.id };
}

const portalList = async (as: 'clientA' | 'clientB') =>
  (await w.as[as].get('/api/v1/portal/proposals')).json<{ items: PortalProposal[] }>().items;

describe('proposals in the portal', () => {
  it('lists every proposal sent to the client’s own company as the link shows it, never drafts or another company’s', async () => {
    const sent = (await proposalOf('A')).proposal;
    const draft = (await proposalOf('A', { draft: true })).proposal;
    const other = (await proposalOf('B')).proposal;
    const mine = await portalList('clientA');
    const ids = mine.map((p) => p.id);
    expect(ids).toContain(sent.id);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(other.id);
    expect(mine.find((p) => p.id === sent.id)).toMatchObject({
      status: 'sent',
      version: 1,
      totalMinor: sent.content.totalMinor,
      currency: 'EUR',
    });
    expect((await portalList('clientB')).map((p) => p.id)).toContain(other.id);
  });

  it('accepts one of the company’s proposals once: the deal is won, the audit names the client user', async () => {
    const { proposal, dealId } = await proposalOf('A');
    const res = await w.as.clientA.post(`/api/v1/portal/proposals/${proposal.id}/accept`, { name: 'Anna' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: proposal.id, status: 'accepted' });
    expect((await w.as.owner.get(`/api/v1/deals/${dealId}`)).json().stage).toBe('won');
    expect((await w.as.owner.get(`/api/v1/proposals/${proposal.id}`)).json()).toMatchObject({ status: 'accepted', decidedByName: 'Anna' });
    const audit = await auditEntries(t, `recordId=${proposal.id}`);
    expect(audit.filter((e) => e.actorId === w.as.clientA.user.id).map((e) => e.action)).toEqual(['update']);
    const again = await expectNoWrite(t, () =>
      w.as.clientA.post(`/api/v1/portal/proposals/${proposal.id}/decline`, { reason: 'Changed our mind' }),
    );
    expectProblem(again, 409);
  });

  it('declines with a reason, and refuses one without it writing nothing', async () => {
    const { proposal } = await proposalOf('A');
    expectProblem(
      await expectNoWrite(t, () => w.as.clientA.post(`/api/v1/portal/proposals/${proposal.id}/decline`, { reason: ' ' })),
      400,
      'reason',
    );
    const res = await w.as.clientA.post(`/api/v1/portal/proposals/${proposal.id}/decline`, { reason: 'Too expensive' });
    expect(res.json()).toMatchObject({ status: 'declined' });
    expect((await w.as.owner.get(`/api/v1/proposals/${proposal.id}`)).json().declineReason).toBe('Too expensive');
  });

  it('answers 404 for another company’s proposal and for a draft, 410 past validity, 403 for staff', async () => {
    const other = (await proposalOf('B')).proposal;
    const draft = (await proposalOf('A', { draft: true })).proposal;
    const expiring = (await proposalOf('A', { validUntil: '2026-11-30' })).proposal;
    for (const id of [other.id, draft.id, 'no-such-id']) {
      expectProblem(await expectNoWrite(t, () => w.as.clientA.post(`/api/v1/portal/proposals/${id}/accept`, {})), 404);
    }
    t.clock.set('2026-12-02T09:00:00.000Z');
    try {
      expectProblem(await expectNoWrite(t, () => w.as.clientA.post(`/api/v1/portal/proposals/${expiring.id}/accept`, {})), 410);
      expect((await portalList('clientA')).find((p) => p.id === expiring.id)?.status).toBe('expired');
    } finally {
      t.clock.set(NOW);
    }
    for (const staff of ['admin', 'owner', 'finance', 'specialist'] as const) {
      expectProblem(await w.as[staff].get('/api/v1/portal/proposals'), 403);
      expectProblem(await w.as[staff].post(`/api/v1/portal/proposals/${other.id}/accept`, {}), 403);
    }
  });
});
