import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeal } from '../../test/deal-fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { agendaOfKind, moveClockTo } from '../../test/today-fixtures.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
let overdue: string;
let soon: string;
let stepless: string;
let lost: string;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-20T09:00:00.000Z' });
  w = await buildWorld(t);
  const deal = async (title: string, nextStepDue: string) =>
    (await createDeal(w.as.owner, w.accountA.id, { title, nextStep: `Call about ${title}`, nextStepDue })).id;
  overdue = await deal('Redesign', '2026-11-25');
  soon = await deal('Hosting', '2026-12-04');
  await deal('Later', '2026-12-20');
  stepless = await deal('Support plan', '2026-12-01');
  lost = await deal('Lost one', '2026-11-21');
  await createDeal(w.as.nonOwner, w.accountB.id, { title: 'Beta’s', nextStepDue: '2026-11-21' });
  // An open deal that lost its next step (imported before it was required).
  await t.database.db.updateTable('deals').set({ next_step: null, next_step_due: null }).where('id', '=', stepless).execute();
  const res = await w.as.owner.post(`/api/v1/deals/${lost}/stage`, { stage: 'lost', lostReason: 'price' });
  expect(res.statusCode, res.body).toBe(200);
  await moveClockTo(t, w, '2026-11-30T09:00:00.000Z');
});
afterAll(() => t.close());

describe('deals on their owner’s Today', () => {
  it('open deals whose next step is overdue or due this week, with the step in words', async () => {
    const items = await agendaOfKind(w.as.owner, 'deal_next_step_due');
    expect(items.map((i) => [i.key, i.group, i.severity, i.record.path])).toEqual([
      [`deal-next-step:${overdue}:2026-11-25`, 'overdue', 'medium', `/accounts/${w.accountA.id}?tab=deals`],
      [`deal-next-step:${soon}:2026-12-04`, 'week', 'low', `/accounts/${w.accountA.id}?tab=deals`],
    ]);
    expect(items.map((i) => i.reason)).toEqual([
      'Deal “Redesign”: next step “Call about Redesign” was due 25 Nov 2026 — 5\u00a0days overdue',
      'Deal “Hosting”: next step “Call about Hosting” is due 4 Dec 2026',
    ]);
  });

  it('an open deal with no next step', async () => {
    const [item, ...more] = await agendaOfKind(w.as.owner, 'deal_without_next_step');
    expect(more).toEqual([]);
    expect(item).toMatchObject({ key: `deal-no-next-step:${stepless}:2026-11-20`, severity: 'high', account: { id: w.accountA.id } });
    expect(item.reason).toBe('Deal “Support plan” (qualified) has no next step planned');
  });

  it('another manager’s deals stay on their own Today; finance and specialists get none', async () => {
    expect((await agendaOfKind(w.as.nonOwner, 'deal_next_step_due')).map((i) => i.account?.id)).toEqual([w.accountB.id]);
    expect(await agendaOfKind(w.as.finance, 'deal_next_step_due')).toEqual([]);
    expect(await agendaOfKind(w.as.specialist, 'deal_next_step_due')).toEqual([]);
  });
});
