import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Playbook } from '../../../common/schemas/objection.js';
import { createDeal } from '../../test/deal-fixtures.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { createObjection } from '../../test/objection-fixtures.js';
import { buildWorld, type World } from '../../test/world.js';
import { answerKeyOf, wilsonLowerBound } from './objection.playbook.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T09:00:00.000Z' });
  w = await buildWorld(t);
});
afterAll(() => t.close());

let minute = 0;
/** A deal of account A with one objection of `category` answered `response`, then closed as `outcome` (or left open). */
async function answered(category: string, response: string, outcome: 'won' | 'lost' | 'open') {
  minute += 1;
  t.clock.set(new Date(Date.parse('2026-11-26T09:00:00.000Z') + minute * 60_000).toISOString());
  const deal = await createDeal(w.as.owner, w.accountA.id);
  await createObjection(w.as.owner, deal.id, { category, response });
  if (outcome === 'won') await w.as.owner.post(`/api/v1/deals/${deal.id}/stage`, { stage: 'won', note: 'Signed' });
  if (outcome === 'lost') await w.as.owner.post(`/api/v1/deals/${deal.id}/stage`, { stage: 'lost', lostReason: 'price' });
}
const playbook = async (category: string, by = w.as.owner): Promise<Playbook> => {
  const res = await by.get(`/api/v1/objections/playbook?category=${category}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('the playbook', () => {
  it('ranks a category’s answers by the Wilson lower bound: 3 won of 4 above 1 of 1, open deals not counted', async () => {
    for (const outcome of ['won', 'won', 'won', 'lost', 'open', 'open'] as const) await answered('price', 'We phase the work', outcome);
    await answered('price', 'We match the competitor', 'won');
    await answered('price', 'Nobody closed yet', 'open');
    // The same answer in other words (case, spacing, a full stop) is the same answer.
    await answered('price', 'we match  THE competitor.', 'open');
    await answered('timing', 'Another category', 'won');

    const { items } = await playbook('price');
    expect(items.map((a) => [a.response, a.won, a.closed, a.uses])).toEqual([
      ['We phase the work', 3, 4, 6],
      ['we match  THE competitor.', 1, 1, 2],
      ['Nobody closed yet', 0, 0, 1],
    ]);
    expect(items[0].score).toBeCloseTo(wilsonLowerBound(3, 4), 10);
    expect(items[1].score).toBeCloseTo(0.2065, 4);
    expect(items[0].score).toBeGreaterThan(items[1].score);
    expect(items.every((a) => !a.pinned)).toBe(true);
    expect(items[0].id).toBe(answerKeyOf('We phase the work'));
  });

  it('breaks ties by closed deals, then by the latest use', async () => {
    await answered('scope', 'Older, two lost', 'lost');
    await answered('scope', 'Older, two lost', 'lost');
    await answered('scope', 'One lost, earlier', 'lost');
    await answered('scope', 'One lost, later', 'lost');
    const { items } = await playbook('scope');
    expect(items.map((a) => a.response)).toEqual(['Older, two lost', 'One lost, later', 'One lost, earlier']);
    expect(items.map((a) => a.score)).toEqual([0, 0, 0]);
  });

  it('counts a response picked from the playbook for the answer it came from, even reworded', async () => {
    const [best] = (await playbook('price')).items;
    const deal = await createDeal(w.as.owner, w.accountA.id);
    await createObjection(w.as.owner, deal.id, { response: 'We phase the work, in three steps', playbookAnswerId: best.id });
    await w.as.owner.post(`/api/v1/deals/${deal.id}/stage`, { stage: 'won', note: 'Signed' });
    const after = (await playbook('price')).items[0];
    expect(after).toMatchObject({ id: best.id, won: 4, closed: 5, response: 'We phase the work, in three steps' });
  });

  it('shows the answer an admin pinned first, marked, whatever its numbers; unpinning restores the order', async () => {
    expectProblem(await w.as.owner.put('/api/v1/objections/playbook/price/pin', { response: 'Nobody closed yet' }), 403);
    expect((await t.admin.put('/api/v1/objections/playbook/price/pin', { response: 'Nobody closed yet' })).statusCode).toBe(204);
    const pinned = (await playbook('price')).items;
    expect(pinned.map((a) => [a.response, a.pinned])).toEqual([
      ['Nobody closed yet', true],
      ['We phase the work, in three steps', false],
      ['we match  THE competitor.', false],
    ]);
    // A recommended answer nobody gave yet is pinned too, and may be picked.
    await t.admin.put('/api/v1/objections/playbook/need/pin', { response: 'Let us show you the numbers' });
    const [fresh] = (await playbook('need')).items;
    expect(fresh).toMatchObject({ response: 'Let us show you the numbers', pinned: true, uses: 0, closed: 0 });
    const deal = await createDeal(w.as.owner, w.accountA.id);
    const o = await createObjection(w.as.owner, deal.id, { category: 'need', response: fresh.response, playbookAnswerId: fresh.id });
    expect(o.playbookAnswerId).toBe(fresh.id);

    expect((await t.admin.delete('/api/v1/objections/playbook/price/pin')).statusCode).toBe(204);
    expect((await playbook('price')).items.map((a) => a.pinned)).toEqual([false, false, false]);
    expectProblem(await t.admin.put('/api/v1/objections/playbook/astrology/pin', { response: 'x' }), 400, 'category');
    expectProblem(await t.admin.put('/api/v1/objections/playbook/price/pin', { response: ' ' }), 400, 'response');
  });

  it('answers an unknown category with a 400 naming the allowed ones, and staff who see deals only', async () => {
    expect(expectProblem(await w.as.owner.get('/api/v1/objections/playbook?category=astrology'), 400, 'category').detail).toContain(
      'price, timing',
    );
    expect((await playbook('price', w.as.finance)).items.length).toBeGreaterThan(0);
    expectProblem(await w.as.specialist.get('/api/v1/objections/playbook?category=price'), 403);
    expectProblem(await w.as.clientA.get('/api/v1/objections/playbook?category=price'), 403);
  });
});

describe('the categories’ statistics', () => {
  it('count objections and the deals that had one, closed and won, each deal once, most frequent first', async () => {
    const res = await w.as.owner.get('/api/v1/objections/categories');
    expect(res.statusCode, res.body).toBe(200);
    const byKey = Object.fromEntries(res.json().items.map((s: { category: string }) => [s.category, s]));
    // price: 6 + 1 + 1 + 1 objections on 9 deals plus the picked one (10), of which 4 + 1 won and 1 lost… counted per deal.
    expect(byKey.price).toEqual({ category: 'price', objections: 10, deals: 10, closedDeals: 6, wonDeals: 5 });
    expect(byKey.scope).toEqual({ category: 'scope', objections: 4, deals: 4, closedDeals: 4, wonDeals: 0 });
    expect(byKey.trust).toEqual({ category: 'trust', objections: 0, deals: 0, closedDeals: 0, wonDeals: 0 });
    expect(res.json().items[0].category).toBe('price');
    // A second objection on the same deal is one more objection, not one more deal.
    const deal = await createDeal(w.as.owner, w.accountA.id);
    await createObjection(w.as.owner, deal.id, { category: 'authority' });
    await createObjection(w.as.owner, deal.id, { category: 'authority', response: 'Another' });
    await w.as.owner.post(`/api/v1/deals/${deal.id}/stage`, { stage: 'won', note: 'Signed' });
    const authority = (await w.as.owner.get('/api/v1/objections/categories'))
      .json()
      .items.find((s: { category: string }) => s.category === 'authority');
    expect(authority).toEqual({ category: 'authority', objections: 2, deals: 1, closedDeals: 1, wonDeals: 1 });
  });
});
