import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealSettings } from '../../../common/schemas/deal.js';
import { createDeal } from '../../test/deal-fixtures.js';
import { createProposal } from '../../test/proposal-fixtures.js';
import { auditEntries, expectProblem } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, type World } from '../../test/world.js';
import { DEFAULT_DEAL_SETTINGS } from './index.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T09:00:00.000Z' });
  w = await buildWorld(t);
});
afterAll(() => t.close());

const changed: DealSettings = {
  stages: { ...DEFAULT_DEAL_SETTINGS.stages, meeting: { name: { en: 'Discovery call', ru: 'Первая встреча' }, probability: 30 } },
  lostReasons: [
    { key: 'price', name: { en: 'Too expensive', ru: 'Слишком дорого' } },
    { key: 'in_house', name: { en: 'Doing it in-house', ru: 'Делают своими силами' } },
  ],
  proposalValidityDays: 14,
};

describe('pipeline settings', () => {
  it('start with the default stages and reasons, readable by staff who see deals, not by specialists', async () => {
    expect((await w.as.finance.get('/api/v1/settings/deals')).json()).toEqual(DEFAULT_DEAL_SETTINGS);
    expectProblem(await w.as.specialist.get('/api/v1/settings/deals'), 403);
    expectProblem(await w.as.clientA.get('/api/v1/settings/deals'), 403);
  });

  it('are changed by admins only, audited, and drive new deals’ probabilities and the lost reasons accepted', async () => {
    expectProblem(await w.as.owner.put('/api/v1/settings/deals', changed), 403);
    const res = await t.admin.put('/api/v1/settings/deals', changed);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(changed);
    expect((await auditEntries(t, 'recordId=deals')).map((e) => e.recordType)).toEqual(['settings']);

    const deal = await createDeal(w.as.owner, w.accountA.id, { stage: 'meeting' });
    expect(deal.probability).toBe(30);
    const refused = expectProblem(await w.as.owner.post(`/api/v1/deals/${deal.id}/stage`, { stage: 'lost', lostReason: 'timing' }), 400);
    expect(refused.detail).toContain('price, in_house');
    const lost = await w.as.owner.post(`/api/v1/deals/${deal.id}/stage`, { stage: 'lost', lostReason: 'in_house' });
    expect(lost.json()).toMatchObject({ lostReason: 'in_house' });
  });

  it('give a new proposal its validity in days unless it names its own date', async () => {
    const lines = [{ description: 'Audit', quantity: 1, unitPriceMinor: 10_000 }];
    const deal = await createDeal(w.as.owner, w.accountA.id);
    // Today is 26 November 2026 in the agency's time zone: 14 days on is 10 December.
    expect((await createProposal(w.as.owner, deal.id, { lines })).validUntil).toBe('2026-12-10');
    expect((await createProposal(w.as.owner, deal.id, { lines, validUntil: '2027-01-15' })).validUntil).toBe('2027-01-15');
    const longer = await t.admin.put('/api/v1/settings/deals', { ...changed, proposalValidityDays: 45 });
    expect(longer.json().proposalValidityDays).toBe(45);
    expect((await createProposal(w.as.owner, deal.id, { lines })).validUntil).toBe('2027-01-10');
    // Settings saved before there was a validity read as the default 30 days.
    const { proposalValidityDays: _days, ...older } = changed;
    expect((await t.admin.put('/api/v1/settings/deals', older)).json().proposalValidityDays).toBe(30);
    expect((await createProposal(w.as.owner, deal.id, { lines })).validUntil).toBe('2026-12-26');
    expect((await t.admin.put('/api/v1/settings/deals', changed)).statusCode).toBe(200);
  });

  it.each([
    ['a won stage below 100%', { ...changed, stages: { ...changed.stages, won: { ...changed.stages.won, probability: 90 } } }],
    ['no lost reason', { ...changed, lostReasons: [] }],
    ['two reasons with one key', { ...changed, lostReasons: [changed.lostReasons[0], changed.lostReasons[0]] }],
    ['a reason key with spaces', { ...changed, lostReasons: [{ key: 'too dear', name: { en: 'Dear', ru: 'Дорого' } }] }],
    [
      'a stage without its Russian name',
      { ...changed, stages: { ...changed.stages, proposal: { name: { en: 'Offer' }, probability: 50 } } },
    ],
    ['a missing stage', { ...changed, stages: { ...changed.stages, negotiation: undefined } }],
    ['a proposal validity of no days', { ...changed, proposalValidityDays: 0 }],
    ['a proposal validity over a year', { ...changed, proposalValidityDays: 366 }],
    ['a proposal validity in part-days', { ...changed, proposalValidityDays: 7.5 }],
  ])('refuse %s with a 400', async (_what, body) => {
    expectProblem(await t.admin.put('/api/v1/settings/deals', body), 400);
    expect((await t.admin.get('/api/v1/settings/deals')).json()).toEqual(changed);
  });
});
