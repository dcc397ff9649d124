import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deal } from '../../../common/schemas/deal.js';
import { createDeal } from '../../test/deal-fixtures.js';
import { auditEntries, expectNoWrite, expectProblem } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, type World } from '../../test/world.js';

/* A meeting opens or advances a deal in the same request and transaction as the interaction itself. */
let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T09:00:00.000Z' });
  w = await buildWorld(t);
});
afterAll(() => t.close());

const meeting = (body: object) =>
  w.as.owner.post('/api/v1/interactions', {
    accountId: w.accountA.id,
    type: 'meeting',
    occurredAt: '2026-11-26T08:00:00.000Z',
    summary: 'Met the marketing director',
    ...body,
  });
const NEW_DEAL = {
  title: 'Context ads for spring',
  amount: 450_000,
  currency: 'EUR',
  stage: 'meeting',
  expectedCloseDate: '2027-02-28',
  nextStep: 'Send the media plan',
  nextStepDue: '2026-12-03',
};
const read = async (id: string): Promise<Deal> => (await w.as.owner.get(`/api/v1/deals/${id}`)).json();

describe('a meeting and its deal', () => {
  it('opens a deal with the interaction, linked to it, both audited', async () => {
    const res = await meeting({ createDeal: NEW_DEAL });
    expect(res.statusCode, res.body).toBe(201);
    const interaction = res.json();
    const deal = await read(interaction.dealId);
    expect(deal).toMatchObject({ title: 'Context ads for spring', stage: 'meeting', probability: 25, ownerId: w.as.owner.user.id });
    expect((await auditEntries(t, `recordId=${deal.id}`)).map((e) => e.action)).toEqual(['create']);
    expect((await auditEntries(t, `recordId=${interaction.id}`)).map((e) => e.action)).toEqual(['create']);
  });

  it('advances an open deal: new stage and next step with the interaction', async () => {
    const deal = await createDeal(w.as.owner, w.accountA.id);
    const res = await meeting({
      advanceDeal: { dealId: deal.id, stage: 'negotiation', nextStep: 'Agree the price', nextStepDue: '2026-12-02' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().dealId).toBe(deal.id);
    expect(await read(deal.id)).toMatchObject({
      stage: 'negotiation',
      probability: 75,
      nextStep: 'Agree the price',
      nextStepDue: '2026-12-02',
    });
    const again = await meeting({ advanceDeal: { dealId: deal.id, nextStep: 'Sign', nextStepDue: '2026-12-09' } });
    expect(again.statusCode, again.body).toBe(201);
    expect(await read(deal.id)).toMatchObject({ stage: 'negotiation', nextStep: 'Sign', nextStepDue: '2026-12-09' });
  });

  it('refuses a meeting on an open deal that does not set its next step, writing nothing', async () => {
    const deal = await createDeal(w.as.owner, w.accountA.id);
    expectProblem(await expectNoWrite(t, () => meeting({ dealId: deal.id })), 400, 'advanceDeal');
    expectProblem(await expectNoWrite(t, () => meeting({ advanceDeal: { dealId: deal.id } })), 400, 'advanceDeal.nextStep');
    expectProblem(
      await expectNoWrite(t, () => meeting({ advanceDeal: { dealId: deal.id, nextStep: 'Call', nextStepDue: null } })),
      400,
      'advanceDeal.nextStepDue',
    );
    // A call on the deal needs nothing of it.
    const call = await w.as.owner.post('/api/v1/interactions', {
      accountId: w.accountA.id,
      type: 'call',
      occurredAt: '2026-11-26T08:30:00.000Z',
      summary: 'Quick call',
      dealId: deal.id,
    });
    expect(call.statusCode, call.body).toBe(201);
  });

  it('writes neither the interaction nor the deal when the deal part is refused', async () => {
    const deal = await createDeal(w.as.owner, w.accountA.id);
    const before = await read(deal.id);
    // The deal move is refused after the interaction's own checks passed: nothing of either stays.
    expectProblem(await expectNoWrite(t, () => meeting({ advanceDeal: { dealId: deal.id, stage: 'lost' } })), 400, 'lostReason');
    expectProblem(await expectNoWrite(t, () => meeting({ createDeal: { ...NEW_DEAL, amount: -1 } })), 400);
    expectProblem(await expectNoWrite(t, () => meeting({ createDeal: NEW_DEAL, advanceDeal: { dealId: deal.id } })), 400, 'advanceDeal');
    expect(await read(deal.id)).toEqual(before);
  });

  it('refuses another account’s deal as if it did not exist', async () => {
    const other = await createDeal(t.admin, w.accountB.id);
    expectProblem(
      await expectNoWrite(t, () => meeting({ advanceDeal: { dealId: other.id, nextStep: 'x', nextStepDue: '2026-12-01' } })),
      400,
      'advanceDeal.dealId',
    );
    expectProblem(await expectNoWrite(t, () => meeting({ dealId: other.id })), 400, 'dealId');
  });

  it('closes a deal in the meeting: won with a note, and a closed deal is not advanced without reopening', async () => {
    const deal = await createDeal(w.as.owner, w.accountA.id);
    const res = await meeting({ advanceDeal: { dealId: deal.id, stage: 'won', note: 'Signed at the meeting' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(await read(deal.id)).toMatchObject({ state: 'won', closeNote: 'Signed at the meeting' });
    expectProblem(
      await expectNoWrite(t, () => meeting({ advanceDeal: { dealId: deal.id, nextStep: 'Upsell', nextStepDue: '2026-12-01' } })),
      400,
      'advanceDeal.dealId',
    );
    // A meeting about a closed deal needs nothing of it.
    expect((await meeting({ dealId: deal.id })).statusCode).toBe(201);
  });
});
