import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deal } from '../../../common/schemas/deal.js';
import type { TimelineEntry } from '../../../common/schemas/timeline.js';
import { createDeal, dealBody } from '../../test/deal-fixtures.js';
import { auditEntries, expectNoWrite, expectProblem, fetchAllPages } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T09:00:00.000Z' });
  w = await buildWorld(t);
});
afterAll(() => t.close());

const move = (id: string, body: object, headers?: Record<string, string>) => w.as.owner.post(`/api/v1/deals/${id}/stage`, body, headers);
const dealEvents = async (accountId: string) =>
  ((await t.admin.get(`/api/v1/accounts/${accountId}/timeline?limit=200`)).json().items as TimelineEntry[]).flatMap((e) =>
    e.entryType === 'event' && e.kind.startsWith('deal_') ? [e] : [],
  );

describe('opening a deal', () => {
  it('takes the stage’s default probability and the opener as owner, and is recorded in history, audit and timeline', async () => {
    const deal = await createDeal(w.as.owner, w.accountA.id, { title: 'SEO retainer', stage: 'meeting' });
    expect(deal).toMatchObject({
      title: 'SEO retainer',
      stage: 'meeting',
      state: 'open',
      probability: 25,
      ownerId: w.as.owner.user.id,
      accountName: 'Alpha Works',
      amount: 1_200_000,
      currency: 'EUR',
      nextStepOverdue: false,
      can: { update: true, moveStage: true },
    });
    expect((await w.as.owner.get(`/api/v1/deals/${deal.id}/stages`)).json().items).toEqual([
      expect.objectContaining({ from: null, to: 'meeting', byId: w.as.owner.user.id }),
    ]);
    expect((await auditEntries(t, `recordId=${deal.id}`)).map((e) => [e.action, e.recordType])).toEqual([['create', 'deal']]);
    expect((await dealEvents(w.accountA.id)).find((e) => e.data.dealId === deal.id)?.kind).toBe('deal_created');
  });

  it('keeps an explicit probability, and an admin’s deal goes to the account’s manager', async () => {
    const deal = await createDeal(t.admin, w.accountA.id, { probability: 40 });
    expect(deal).toMatchObject({ probability: 40, ownerId: w.as.owner.user.id, stage: 'qualified' });
  });

  it.each([
    ['a missing next step', { nextStep: '' }, 'nextStep'],
    ['a next step without a date', { nextStepDue: undefined }, 'nextStepDue'],
    ['a fractional amount', { amount: 10.5 }, 'amount'],
    ['an unknown currency', { currency: 'XXX1' }, 'currency'],
    ['a probability above 100', { probability: 101 }, 'probability'],
    ['a closed stage', { stage: 'won' }, 'stage'],
    ['an owner who does not manage the account', { ownerId: 'someone' }, 'ownerId'],
    ['an unknown field', { status: 'hot' }, 'status'],
  ])('refuses %s with a 400 and writes nothing', async (_what, changes, field) => {
    const res = await expectNoWrite(t, () => w.as.owner.post('/api/v1/deals', { ...dealBody(w.accountA.id), ...changes }));
    expectProblem(res, 400, field);
  });

  it('refuses the other manager of the account as owner unless they manage it', async () => {
    const res = await w.as.owner.post('/api/v1/deals', dealBody(w.accountA.id, { ownerId: w.as.nonOwner.user.id }));
    expectProblem(res, 400, 'ownerId');
    const backup = await createDeal(w.as.owner, w.accountA.id, { ownerId: w.as.backup.user.id });
    expect(backup.ownerId).toBe(w.as.backup.user.id);
  });
});

describe('changing a deal', () => {
  it('needs the version it was read at (412 otherwise) and keeps an open deal’s next step', async () => {
    const deal = await createDeal(w.as.owner, w.accountA.id);
    const changed = await w.as.owner.patch(`/api/v1/deals/${deal.id}`, { amount: 1_500_000 }, { 'if-match': `"${deal.version}"` });
    expect(changed.json()).toMatchObject({ amount: 1_500_000, version: deal.version + 1 });
    expectProblem(await w.as.owner.patch(`/api/v1/deals/${deal.id}`, { amount: 1 }, { 'if-match': `"${deal.version}"` }), 412);
    expectProblem(await w.as.owner.patch(`/api/v1/deals/${deal.id}`, { nextStep: null }), 400, 'nextStep');
    expectProblem(await w.as.owner.patch(`/api/v1/deals/${deal.id}`, { nextStepDue: null }), 400, 'nextStepDue');
    expect((await t.admin.get(`/api/v1/deals/${deal.id}`)).json().amount).toBe(1_500_000);
    expect((await auditEntries(t, `recordId=${deal.id}`)).map((e) => e.action)).toEqual(['update', 'create']);
  });

  it('flags an open deal whose next step date has passed in the agency’s time zone', async () => {
    const deal = await createDeal(w.as.owner, w.accountA.id, { nextStepDue: '2026-11-26' });
    expect(deal.nextStepOverdue).toBe(false);
    t.clock.set('2026-11-27T09:00:00.000Z');
    try {
      expect((await w.as.owner.get(`/api/v1/deals/${deal.id}`)).json().nextStepOverdue).toBe(true);
      const lost = await move(deal.id, { stage: 'lost', lostReason: 'timing' });
      expect(lost.json()).toMatchObject({ state: 'lost', nextStepOverdue: false });
    } finally {
      t.clock.set('2026-11-26T09:00:00.000Z');
    }
  });
});

describe('moving a deal along the pipeline', () => {
  it('resets the probability to the new stage’s, records history and timeline, and needs the current version', async () => {
    const deal = await createDeal(w.as.owner, w.accountA.id);
    const moved = await move(
      deal.id,
      { stage: 'proposal', nextStep: 'Walk them through it', nextStepDue: '2026-12-10' },
      { 'if-match': `"${deal.version}"` },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ stage: 'proposal', probability: 50, nextStep: 'Walk them through it', nextStepDue: '2026-12-10' });
    expectProblem(await move(deal.id, { stage: 'negotiation' }, { 'if-match': `"${deal.version}"` }), 412);
    const history = (await w.as.owner.get(`/api/v1/deals/${deal.id}/stages`)).json().items;
    expect(history.map((h: { from: string | null; to: string }) => [h.from, h.to])).toEqual([
      [null, 'qualified'],
      ['qualified', 'proposal'],
    ]);
    const event = (await dealEvents(w.accountA.id)).find((e) => e.kind === 'deal_stage_changed' && e.data.dealId === deal.id);
    expect(event?.data).toMatchObject({ from: 'qualified', to: 'proposal', nextStep: 'Walk them through it' });
  });

  it('answers an illegal move with a 400 naming the allowed stages', async () => {
    const deal = await createDeal(w.as.owner, w.accountA.id);
    const same = await expectNoWrite(t, () => move(deal.id, { stage: 'qualified' }));
    expect(expectProblem(same, 400, 'stage').detail).toBe(
      'A deal cannot move from qualified to qualified. Allowed: meeting, proposal, negotiation, won, lost.',
    );
    await move(deal.id, { stage: 'won', note: 'Signed the retainer' });
    const fromWon = expectProblem(await move(deal.id, { stage: 'negotiation' }), 400, 'stage');
    expect(fromWon.detail).toBe('A deal cannot move from won to negotiation. Allowed: none.');
  });

  it('loses a deal only for a configured reason, and wins it only with a note', async () => {
    const deal = await createDeal(w.as.owner, w.accountA.id);
    const noReason = expectProblem(await expectNoWrite(t, () => move(deal.id, { stage: 'lost' })), 400, 'lostReason');
    expect(noReason.detail).toContain('price, timing, competitor, no_budget, no_response, other');
    expectProblem(await move(deal.id, { stage: 'lost', lostReason: 'astrology' }), 400, 'lostReason');
    expectProblem(await move(deal.id, { stage: 'won' }), 400, 'note');
    expectProblem(await move(deal.id, { stage: 'won', note: '   ' }), 400, 'note');
    expectProblem(await move(deal.id, { stage: 'won', note: 'Signed', lostReason: 'price' }), 400, 'lostReason');

    const lost = (await move(deal.id, { stage: 'lost', lostReason: 'competitor', note: 'Went with a cheaper studio' })).json();
    expect(lost).toMatchObject({ state: 'lost', probability: 0, lostReason: 'competitor', closeNote: 'Went with a cheaper studio' });
    expect(lost.closedAt).toBe('2026-11-26T09:00:00.000Z');
    const event = (await dealEvents(w.accountA.id)).find((e) => e.kind === 'deal_stage_changed' && e.data.dealId === deal.id);
    // The names of the stages and the reason as configured then, in each language, for the timeline to read.
    expect(event?.data).toMatchObject({
      from: 'qualified',
      to: 'lost',
      lostReason: 'competitor',
      fromName: { en: 'Qualified', ru: 'Квалификация' },
      toName: { en: 'Lost', ru: 'Проиграна' },
      lostReasonName: { en: 'Chose a competitor', ru: 'Выбрали конкурента' },
    });

    // The client came back: reopened with its next step, the reason goes.
    const reopened = (await move(deal.id, { stage: 'negotiation', nextStep: 'New offer', nextStepDue: '2026-12-01' })).json();
    expect(reopened).toMatchObject({ state: 'open', lostReason: null, closeNote: null, closedAt: null, probability: 75 });
    const won = (await move(deal.id, { stage: 'won', note: 'Signed the new offer' })).json();
    expect(won).toMatchObject({ state: 'won', probability: 100, closeNote: 'Signed the new offer' });
    expect((await auditEntries(t, `recordId=${deal.id}`)).map((e) => e.action)).toEqual(['update', 'update', 'update', 'create']);
  });
});

describe('the deals list', () => {
  it('filters by account, owner, stage, state and expected close period, and pages in the chosen order', async () => {
    const a = await t.createAccount(t.admin, { name: 'Listed Ltd', ownerId: w.as.owner.user.id });
    const early = await createDeal(w.as.owner, a.id, { expectedCloseDate: '2026-12-15', amount: 100, nextStepDue: '2026-12-20' });
    const late = await createDeal(w.as.owner, a.id, { expectedCloseDate: '2027-03-01', amount: 900, nextStepDue: '2026-12-01' });
    const mid = await createDeal(t.admin, a.id, { expectedCloseDate: '2027-01-15', amount: 500, ownerId: t.admin.user.id });
    await t.admin.post(`/api/v1/deals/${mid.id}/stage`, { stage: 'lost', lostReason: 'price' });
    const ids = async (query: string) =>
      (await fetchAllPages<Deal>(w.as.owner, `/api/v1/deals?limit=1&accountId=${a.id}&${query}`)).map((d) => d.id);

    expect(await ids('sort=close')).toEqual([early.id, mid.id, late.id]);
    expect(await ids('sort=amount')).toEqual([late.id, mid.id, early.id]);
    expect(await ids('sort=next_step&state=open')).toEqual([late.id, early.id]);
    expect(await ids('owner=me')).toEqual([early.id, late.id]);
    expect(await ids('state=lost')).toEqual([mid.id]);
    expect(await ids('stage=qualified')).toEqual([early.id, late.id]);
    expect(await ids('closeFrom=2027-01-01&closeTo=2027-01-31')).toEqual([mid.id]);
    expectProblem(await w.as.owner.get('/api/v1/deals?sort=amount&cursor=eyJ2IjoieCIsImlkIjoieCJ9'), 400, 'cursor');
  });
});
