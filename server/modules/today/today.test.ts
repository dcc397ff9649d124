import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Today } from '../../../common/schemas/today.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T09:00:00.000Z' });
  w = await buildWorld(t);
});
afterAll(() => t.close());

const todayOf = async (who: Caller, query = ''): Promise<Today> => {
  const res = await who.get(`/api/v1/today${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const items = (today: Today) => today.groups.flatMap((g) => g.items.map((i) => ({ ...i, group: g.group })));
const addStep = async (who: Caller, accountId: string, text: string, dueDate: string) => {
  const res = await who.post('/api/v1/next-steps', { accountId, text, dueDate });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>();
};

describe('Today merges the next steps that need their owner, grouped and ordered', () => {
  it('overdue, today and this week, oldest first, with reasons in words; later ones wait', async () => {
    const late = await addStep(w.as.owner, w.accountA.id, 'Send the signed plan', '2026-11-12');
    const lateer = await addStep(w.as.owner, w.accountA.id, 'Call about the launch', '2026-11-20');
    const now = await addStep(w.as.owner, w.accountA.id, 'Book the review', '2026-11-26');
    const soon = await addStep(w.as.owner, w.accountA.id, 'Prepare the quarter', '2026-12-01');
    await addStep(w.as.owner, w.accountA.id, 'Renewal talk', '2026-12-20');

    const today = await todayOf(w.as.owner);
    expect(today.today).toBe('2026-11-26');
    const steps = today.groups.map((g) => [g.group, g.items.filter((i) => i.kind === 'next_step_due').map((i) => i.record.id)]);
    expect(steps).toEqual([
      ['overdue', [late.id, lateer.id]],
      ['today', [now.id]],
      ['week', [soon.id]],
    ]);
    const [first] = today.groups[0].items.filter((i) => i.kind === 'next_step_due');
    expect(first).toMatchObject({
      key: `next-step:${late.id}:2026-11-12`,
      kind: 'next_step_due',
      severity: 'high',
      overdueDays: 14,
      account: { id: w.accountA.id, name: 'Alpha Works' },
      record: { type: 'next_step', path: `/accounts/${w.accountA.id}` },
      reason: 'Next step “Send the signed plan” was due 12 Nov 2026 — 14\u00a0days overdue',
      actions: ['complete_next_step', 'done', 'snooze', 'dismiss'],
    });
    expect(today.counts).toContainEqual({ kind: 'next_step_due', count: 4 });
  });

  it('words reasons in the reader’s language', async () => {
    expect((await w.as.owner.patch('/api/v1/auth/me', { language: 'ru' })).statusCode).toBe(200);
    const reasons = items(await todayOf(w.as.owner)).map((i) => i.reason);
    expect(reasons).toContain('Следующий шаг «Book the review» назначен на сегодня');
    expect(reasons).toContain('Следующий шаг «Send the signed plan» был назначен на 12 нояб. 2026 г. — просрочен на 14\u00a0дней');
    expect((await w.as.owner.patch('/api/v1/auth/me', { language: 'en' })).statusCode).toBe(200);
  });

  it('a next step marked done leaves Today', async () => {
    const step = await addStep(w.as.owner, w.accountA.id, 'Confirm the date', '2026-11-25');
    expect(items(await todayOf(w.as.owner)).map((i) => i.record.id)).toContain(step.id);
    expect((await w.as.owner.post(`/api/v1/next-steps/${step.id}/done`)).statusCode).toBe(200);
    expect(items(await todayOf(w.as.owner)).map((i) => i.record.id)).not.toContain(step.id);
  });
});

describe('snooze, done and dismiss persist per person and survive recomputation', () => {
  it('snoozed until a day: hidden until then, back on that day; a new date brings it back at once', async () => {
    const step = await addStep(w.as.owner, w.accountA.id, 'Chase the feedback', '2026-11-24');
    const key = `next-step:${step.id}:2026-11-24`;
    const res = await w.as.owner.post(`/api/v1/today/${encodeURIComponent(key)}/snooze`, { until: '2026-11-28' });
    expect(res.statusCode, res.body).toBe(204);
    expect(items(await todayOf(w.as.owner)).map((i) => i.key)).not.toContain(key);

    t.clock.set('2026-11-27T09:00:00.000Z');
    expect(items(await todayOf(w.as.owner)).map((i) => i.key)).not.toContain(key);
    t.clock.set('2026-11-28T09:00:00.000Z');
    expect(items(await todayOf(w.as.owner)).map((i) => i.key)).toContain(key);

    await w.as.owner.post(`/api/v1/today/${encodeURIComponent(key)}/snooze`, { until: '2026-12-05' });
    expect((await w.as.owner.patch(`/api/v1/next-steps/${step.id}`, { dueDate: '2026-11-27' })).statusCode).toBe(200);
    expect(items(await todayOf(w.as.owner)).map((i) => i.key)).toContain(`next-step:${step.id}:2026-11-27`);
    t.clock.set('2026-11-26T09:00:00.000Z');
  });

  it('done and dismissed (with a reason) stay off; a dismissal needs its reason', async () => {
    const a = await addStep(w.as.owner, w.accountA.id, 'Send the minutes', '2026-11-25');
    const b = await addStep(w.as.owner, w.accountA.id, 'Ask for the logo', '2026-11-25');
    const keyA = encodeURIComponent(`next-step:${a.id}:2026-11-25`);
    const keyB = encodeURIComponent(`next-step:${b.id}:2026-11-25`);
    expect((await w.as.owner.post(`/api/v1/today/${keyA}/done`)).statusCode).toBe(204);
    expectProblem(await w.as.owner.post(`/api/v1/today/${keyB}/dismiss`, { reason: ' ' }), 400);
    expect((await w.as.owner.post(`/api/v1/today/${keyB}/dismiss`, { reason: 'They sent it already' })).statusCode).toBe(204);
    const ids = items(await todayOf(w.as.owner)).map((i) => i.record.id);
    expect(ids).not.toContain(a.id);
    expect(ids).not.toContain(b.id);
  });

  it('a snooze in the past or today is refused; an item one does not have answers 404', async () => {
    const step = await addStep(w.as.owner, w.accountA.id, 'Plan the workshop', '2026-11-26');
    const key = encodeURIComponent(`next-step:${step.id}:2026-11-26`);
    expectProblem(await w.as.owner.post(`/api/v1/today/${key}/snooze`, { until: '2026-11-20' }), 400);
    expectProblem(await w.as.owner.post(`/api/v1/today/${key}/snooze`, { until: '2026-11-26' }), 400);
    expectProblem(await w.as.nonOwner.post(`/api/v1/today/${key}/snooze`, { until: '2026-12-01' }), 404);
    expectProblem(await w.as.backup.post(`/api/v1/today/${key}/done`), 404);
    expectProblem(await w.as.owner.post(`/api/v1/today/no-such-item/done`), 404);
    expect(items(await todayOf(w.as.owner)).map((i) => i.record.id)).toContain(step.id);
  });
});

describe('whose Today', () => {
  it('a manager never sees another manager’s account items', async () => {
    await addStep(w.as.nonOwner, w.accountB.id, 'Beta follow-up', '2026-11-20');
    expect(items(await todayOf(w.as.owner)).map((i) => i.account?.id)).not.toContain(w.accountB.id);
    const theirs = items(await todayOf(w.as.nonOwner));
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((i) => i.account?.id === w.accountB.id)).toBe(true);
  });

  it('a backup reads a colleague’s Today read-only for the accounts they back up; others are refused', async () => {
    const covered = await todayOf(w.as.backup, `?as=${w.as.owner.user.id}`);
    expect(covered).toMatchObject({ readOnly: true, subject: { id: w.as.owner.user.id } });
    expect(items(covered).length).toBeGreaterThan(0);
    expect(items(covered).every((i) => i.account?.id === w.accountA.id && i.actions.length === 0)).toBe(true);
    expectProblem(await w.as.nonOwner.get(`/api/v1/today?as=${w.as.owner.user.id}`), 403);
    expectProblem(await w.as.owner.get(`/api/v1/today?as=${w.as.nonOwner.user.id}`), 403);
    expectProblem(await w.as.specialist.get(`/api/v1/today?as=${w.as.owner.user.id}`), 403);
  });

  it('clients have no Today', async () => {
    expectProblem(await w.as.clientA.get('/api/v1/today'), 403);
  });
});
