import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMilestone, createProject, createTask } from '../../test/delivery-fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { agendaOfKind, moveClockTo } from '../../test/today-fixtures.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
let briefed: { id: string };
let milestone: { id: string };
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-02T09:00:00.000Z' });
  w = await buildWorld(t);
  briefed = await createProject(w.as.owner, w.accountA.id, { name: 'Search audit' });
  const planned = await createProject(w.as.owner, w.accountA.id, { name: 'Relaunch', stage: 'planning' });
  await createProject(w.as.nonOwner, w.accountB.id, { name: 'Their audit' });
  // Thursday's milestone with 30 hours of one person's open work and 24 working hours left (today to Thursday).
  await moveClockTo(t, w, '2026-11-10T09:00:00.000Z');
  milestone = await createMilestone(w.as.owner, planned.id, 'Beta live', '2026-11-12');
  const work = { milestoneId: milestone.id, assigneeId: w.as.specialist.user.id, dueDate: '2026-11-12' };
  await createTask(w.as.owner, planned.id, { title: 'Build pages', estimateHours: 20, ...work });
  await createTask(w.as.owner, planned.id, { title: 'Fix forms', estimateHours: 10, ...work });
  const fine = await createMilestone(w.as.owner, planned.id, 'Docs', '2026-11-13');
  await createTask(w.as.owner, planned.id, { title: 'Write docs', estimateHours: 8, milestoneId: fine.id });
});
afterAll(() => t.close());

describe('delivery waiting or at risk on the manager’s Today', () => {
  it('a brief the client has not sent back for longer than the client-wait setting', async () => {
    const items = await agendaOfKind(w.as.owner, 'brief_unanswered');
    expect(items.map((i) => [i.key, i.due, i.group, i.record.path])).toEqual([
      [`brief-waiting:${briefed.id}:2026-11-02`, '2026-11-07', 'overdue', `/projects/${briefed.id}`],
    ]);
    expect(items[0].reason).toBe('The brief of Search audit has waited 8\u00a0days for the client’s answers');
  });

  it('a milestone whose one person’s open work exceeds the working hours left', async () => {
    const items = await agendaOfKind(w.as.owner, 'milestone_at_risk');
    expect(items.map((i) => [i.key, i.due, i.group, i.severity])).toEqual([
      [`milestone-at-risk:${milestone.id}:2026-11-12`, '2026-11-12', 'week', 'high'],
    ]);
    expect(items[0].reason).toBe(
      'Milestone “Beta live” of Relaunch is due 12 Nov 2026: one person has 30 h of open work on it and 24 working hours are left',
    );
    expect(await agendaOfKind(w.as.nonOwner, 'milestone_at_risk')).toEqual([]);
  });

  it('the brief sent back by the client takes it off', async () => {
    const brief = await w.as.clientA.get(`/api/v1/projects/${briefed.id}/brief`);
    expect(brief.statusCode, brief.body).toBe(200);
    const answers = brief.json<{ questions: { id: string }[] }>().questions.map((q) => ({ questionId: q.id, answer: 'Yes' }));
    expect((await w.as.clientA.put(`/api/v1/projects/${briefed.id}/brief/answers`, { answers })).statusCode).toBe(200);
    expect((await w.as.clientA.post(`/api/v1/projects/${briefed.id}/brief/submit`, {})).statusCode).toBe(200);
    expect(await agendaOfKind(w.as.owner, 'brief_unanswered')).toEqual([]);
  });
});
