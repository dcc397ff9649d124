import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMilestone, createProject, createTask } from '../../test/delivery-fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';

/*
 * "Late" is decided on the server against the agency's today. The clock stands at Sunday
 * 8 March 2026, 22:30 UTC: still the 8th in London (UTC), already Monday the 9th in Moscow.
 * Everything below is due on the 8th, so it is late in Moscow and not yet in London.
 */
let t: TestApp;
let manager: Caller;
let accountId: string;

const DUE = '2026-03-08';
const setZone = async (timeZone: string) => expect((await t.admin.patch('/api/v1/settings/billing', { timeZone })).statusCode).toBe(200);

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-08T22:30:00.000Z' });
  manager = await t.signIn('account_manager');
  accountId = (await t.createAccount(manager, { name: 'Boundary Ltd' })).id;
});
afterAll(() => t.close());

/** Moves a new project through the stages to `path`'s last. */
async function projectAt(path: string[], dueDate = DUE) {
  const p = await createProject(manager, accountId, { stage: 'planning', dueDate, name: `At ${path.at(-1) ?? 'planning'}` });
  for (const stage of path) expect((await manager.patch(`/api/v1/projects/${p.id}`, { stage })).statusCode).toBe(200);
  return p.id;
}

const lateOf = async (url: string) => (await manager.get(url)).json().late as boolean;

describe('a project is late', () => {
  let open: string;
  let onHold: string;
  let delivered: string;
  let closed: string;
  beforeAll(async () => {
    open = await projectAt(['in_progress']);
    onHold = await projectAt(['in_progress', 'on_hold']);
    delivered = await projectAt(['in_progress', 'review', 'delivered'], '2025-01-31');
    closed = await projectAt(['closed'], '2025-01-31');
  });

  it('from the day after its due date in the agency’s time zone, not the server’s', async () => {
    await setZone('UTC');
    expect(await lateOf(`/api/v1/projects/${open}`)).toBe(false);
    await setZone('Europe/Moscow');
    expect(await lateOf(`/api/v1/projects/${open}`)).toBe(true);
    expect(await lateOf(`/api/v1/projects/${onHold}`)).toBe(true);
  });

  it('never once delivered or closed, however long ago it was due', async () => {
    await setZone('Europe/Moscow');
    expect(await lateOf(`/api/v1/projects/${delivered}`)).toBe(false);
    expect(await lateOf(`/api/v1/projects/${closed}`)).toBe(false);
  });

  it('says the same in the project list and on the portfolio card', async () => {
    await setZone('Europe/Moscow');
    const list = (await manager.get(`/api/v1/projects?accountId=${accountId}&limit=50`)).json().items;
    const listed = Object.fromEntries(list.map((p: { id: string; late: boolean }) => [p.id, p.late]));
    expect(listed).toMatchObject({ [open]: true, [onHold]: true, [delivered]: false, [closed]: false });

    const portfolio = (await manager.get('/api/v1/reports/portfolio')).json();
    const cards = portfolio.stages.flatMap((s: { projects: { projectId: string; late: boolean }[] }) => s.projects);
    const carded = Object.fromEntries(cards.map((p: { projectId: string; late: boolean }) => [p.projectId, p.late]));
    expect(carded).toMatchObject({ [open]: true, [onHold]: true, [delivered]: false, [closed]: false });

    await setZone('UTC');
    const before = (await manager.get('/api/v1/reports/portfolio')).json();
    expect(before.stages.flatMap((s: { projects: { late: boolean }[] }) => s.projects).some((p: { late: boolean }) => p.late)).toBe(false);
  });

  it('is not part of what the audit log records as changed', async () => {
    await setZone('Europe/Moscow');
    const id = await projectAt([]);
    await manager.patch(`/api/v1/projects/${id}`, { stage: 'closed' });
    const entries = (await t.admin.get(`/api/v1/audit-log?recordType=project&recordId=${id}`)).json().items;
    const changed = entries.flatMap((e: { changes: Record<string, unknown> }) => Object.keys(e.changes ?? {}));
    expect(changed).toContain('stage');
    expect(changed).not.toContain('late');
  });
});

describe('a milestone is late', () => {
  let project: string;
  let planned: string;
  let done: string;
  beforeAll(async () => {
    project = await projectAt([], '2026-12-31');
    planned = (await createMilestone(manager, project, 'Audit', DUE)).id;
    done = (await createMilestone(manager, project, 'Kick-off', '2026-02-01')).id;
    expect((await manager.patch(`/api/v1/milestones/${done}`, { status: 'done' })).json().late).toBe(false);
  });

  it('when not done and past its due date in the agency’s time zone', async () => {
    await setZone('UTC');
    expect(await lateOf(`/api/v1/milestones/${planned}`)).toBe(false);
    await setZone('Europe/Moscow');
    expect(await lateOf(`/api/v1/milestones/${planned}`)).toBe(true);
    const plan = (await manager.get(`/api/v1/milestones?projectId=${project}`)).json().items;
    expect(plan.map((m: { id: string; late: boolean }) => [m.id, m.late])).toEqual([
      [done, false],
      [planned, true],
    ]);
  });

  it('never once done', async () => {
    await setZone('Europe/Moscow');
    expect(await lateOf(`/api/v1/milestones/${done}`)).toBe(false);
    await manager.patch(`/api/v1/milestones/${planned}`, { status: 'done' });
    expect(await lateOf(`/api/v1/milestones/${planned}`)).toBe(false);
    await manager.patch(`/api/v1/milestones/${planned}`, { status: 'in_progress' });
  });

  it('shows as the portfolio’s next milestone, late', async () => {
    await setZone('Europe/Moscow');
    const card = (await manager.get('/api/v1/reports/portfolio'))
      .json()
      .stages.flatMap((s: { projects: { projectId: string }[] }) => s.projects)
      .find((p: { projectId: string }) => p.projectId === project);
    expect(card.late).toBe(false);
    expect(card.nextMilestone).toEqual({ id: planned, title: 'Audit', dueDate: DUE, late: true });
  });
});

describe('a task is late', () => {
  it('when not done and past its due date in the agency’s time zone', async () => {
    const project = await projectAt([], '2026-12-31');
    const seo = await t.signIn('specialist');
    const task = await createTask(manager, project, { assigneeId: seo.user.id, dueDate: DUE });
    await setZone('UTC');
    expect(await lateOf(`/api/v1/tasks/${task.id}`)).toBe(false);
    await setZone('Europe/Moscow');
    expect(await lateOf(`/api/v1/tasks/${task.id}`)).toBe(true);
    const mine = (await seo.get('/api/v1/tasks?assigneeId=me')).json().items;
    expect(mine.map((x: { late: boolean }) => x.late)).toEqual([true]);
    expect((await seo.patch(`/api/v1/tasks/${task.id}`, { status: 'done' })).json().late).toBe(false);
  });
});
