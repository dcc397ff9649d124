import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { createMilestone, createProject, createTask } from '../../test/delivery-fixtures.js';
import { expectProblem } from '../../test/fixtures.js';

/*
 * A constructed agency on Monday 2 March 2026 (the test clock), with known answers:
 * - seo specialist (40 h/week): T1 late (due 27 Feb, 6 h left), T2 blocked and T3 todo on
 *   milestone M1 due Wed 4 Mar (30 h of work, 3 working days = 24 h left: at risk), T7 undated 5 h.
 * - writer (20 h/week): T4 25 h due 11 Mar (overloaded next week), T5 done, T6 overspent (0 h left)
 *   due 20 Mar, T8 5 h due 27 Mar on M2 (31 Mar) (not at risk).
 */
let t: TestApp;
let manager: Caller;
let seo: Caller;
let writer: Caller;
let projectId: string;
let m1: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn('account_manager');
  seo = await t.signIn('specialist', { name: 'Sergey SEO' });
  writer = await t.signIn('specialist', { name: 'Wendy Writer' });
  await t.admin.patch(`/api/v1/users/${seo.user.id}`, { specialties: ['seo'] });
  await t.admin.patch(`/api/v1/users/${writer.user.id}`, { specialties: ['copywriter'], capacityHoursPerWeek: 20 });
  const account = await t.createAccount(manager, { name: 'Initech' });
  projectId = (await createProject(manager, account.id, { stage: 'planning', budgetMinor: 100_000 })).id;
  m1 = (await createMilestone(manager, projectId, 'Audit done', '2026-03-04')).id;
  const m2 = (await createMilestone(manager, projectId, 'Launch', '2026-03-31')).id;
  const task = async (key: string, input: Record<string, unknown>) =>
    (ids[key] = (await createTask(manager, projectId, { title: key, ...input })).id);
  await task('T1', { assigneeId: seo.user.id, dueDate: '2026-02-27', status: 'in_progress', estimateHours: 10, spentHours: 4 });
  await task('T2', {
    assigneeId: seo.user.id,
    dueDate: '2026-03-04',
    status: 'blocked',
    blockedReason: 'Waiting for access',
    estimateHours: 20,
    milestoneId: m1,
  });
  await task('T3', { assigneeId: seo.user.id, dueDate: '2026-03-04', estimateHours: 10, milestoneId: m1 });
  await task('T4', { assigneeId: writer.user.id, dueDate: '2026-03-11', estimateHours: 25 });
  await task('T5', { assigneeId: writer.user.id, dueDate: '2026-02-20', status: 'done', estimateHours: 2, spentHours: 2 });
  await task('T6', { assigneeId: writer.user.id, dueDate: '2026-03-20', estimateHours: 8, spentHours: 10 });
  await task('T7', { assigneeId: seo.user.id, estimateHours: 5 });
  await task('T8', { assigneeId: writer.user.id, dueDate: '2026-03-27', estimateHours: 5, milestoneId: m2 });
});
afterAll(() => t.close());

describe('delivery monitoring', () => {
  it('lists late tasks, blocked tasks and milestones at risk', async () => {
    const r = (await manager.get('/api/v1/reports/delivery')).json();
    expect(r.today).toBe('2026-03-02');
    expect(r.lateTasks.map((x: { id: string }) => x.id)).toEqual([ids.T1]);
    expect(r.blockedTasks.map((x: { id: string }) => x.id)).toEqual([ids.T2]);
    expect(r.milestonesAtRisk).toHaveLength(1);
    expect(r.milestonesAtRisk[0]).toMatchObject({ id: m1, remainingHours: 30, hoursLeft: 24, openTasks: 2 });
  });

  it('computes each specialist’s load per week against capacity', async () => {
    const r = (await manager.get('/api/v1/reports/workload')).json();
    expect(r.weekStarts).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']);
    const byName = Object.fromEntries(r.specialists.map((s: { name: string }) => [s.name, s]));
    expect(byName['Sergey SEO'].weeks.map((w: { hours: number }) => w.hours)).toEqual([41, 0, 0, 0]);
    expect(byName['Sergey SEO'].weeks[0].overloaded).toBe(true);
    expect(byName['Wendy Writer'].capacityHours).toBe(20);
    expect(byName['Wendy Writer'].weeks.map((w: { hours: number }) => w.hours)).toEqual([0, 25, 0, 5]);
    expect(byName['Wendy Writer'].weeks.map((w: { overloaded: boolean }) => w.overloaded)).toEqual([false, true, false, false]);
    expect(byName['Wendy Writer'].weeks[2].tasks).toBe(1);
  });

  it('a specialist sees only their own load; clients see no reports', async () => {
    const own = (await seo.get('/api/v1/reports/workload')).json();
    expect(own.specialists.map((s: { userId: string }) => s.userId)).toEqual([seo.user.id]);
    const contact = await t.createContact(manager, (await manager.get(`/api/v1/projects/${projectId}`)).json().accountId, 'Cleo');
    const client = await t.signIn('client', { contactId: contact.id });
    expectProblem(await client.get('/api/v1/reports/delivery'), 403);
  });

  it('the portfolio groups the manager’s projects by stage with plan, next milestone, counts and budget used', async () => {
    const r = (await manager.get('/api/v1/reports/portfolio')).json();
    const planning = r.stages.find((s: { stage: string }) => s.stage === 'planning').projects;
    expect(planning).toHaveLength(1);
    // Spent: seo 4 h × 60.00 + copywriter (2 + 10) h × 45.00 = 240.00 + 540.00
    expect(planning[0]).toMatchObject({
      projectId,
      planStatus: 'draft',
      nextMilestone: { id: m1, dueDate: '2026-03-04' },
      lateTasks: 1,
      blockedTasks: 1,
      openTasks: 7,
      spentHours: 16,
      budgetMinor: 100_000,
      budgetUsedMinor: 78_000,
    });
    expectProblem(await seo.get('/api/v1/reports/portfolio'), 403);
  });

  it('the portfolio follows a task moved to done', async () => {
    await seo.patch(`/api/v1/tasks/${ids.T1}`, { status: 'done', spentHours: 10 });
    const p = (await manager.get('/api/v1/reports/portfolio')).json().stages.find((s: { stage: string }) => s.stage === 'planning')
      .projects[0];
    expect(p.lateTasks).toBe(0);
    expect(p.openTasks).toBe(6);
    expect(p.budgetUsedMinor).toBe(78_000 + 6 * 6000);
  });
});
