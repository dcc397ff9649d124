import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../../common/schemas/project.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { createProject, createTask } from '../../test/delivery-fixtures.js';
import { expectProblem } from '../../test/fixtures.js';

let t: TestApp;
let manager: Caller;
let seo: Caller;
let writer: Caller;
let project: Project;
let accountId: string;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn('account_manager');
  seo = await t.signIn('specialist');
  writer = await t.signIn('specialist');
  await t.admin.patch(`/api/v1/users/${seo.user.id}`, { specialties: ['seo'] });
  await t.admin.patch(`/api/v1/users/${writer.user.id}`, { specialties: ['copywriter'] });
  accountId = (await t.createAccount(manager, { name: 'Globex', creditLimitMinor: 500000 })).id;
  project = await createProject(manager, accountId, { budgetMinor: 1_000_000 });
});
afterAll(() => t.close());

describe('tasks and specialists', () => {
  it('assigns by role, adds the specialist to the team, and the specialist sees only their own tasks', async () => {
    const mine = await createTask(manager, project.id, { assigneeId: seo.user.id, estimateHours: 6 });
    expect(mine.role).toBe('seo');
    await createTask(manager, project.id, { assigneeId: writer.user.id, title: 'Landing copy' });
    const team = (await manager.get(`/api/v1/projects/${project.id}`)).json().team;
    expect(team.map((m: { userId: string; role: string }) => `${m.role}`).sort()).toEqual(['copywriter', 'seo']);

    const myWork = (await seo.get('/api/v1/tasks?assigneeId=me')).json().items;
    expect(myWork.map((x: { id: string }) => x.id)).toEqual([mine.id]);
    expect(myWork[0]).toMatchObject({ projectName: 'Website relaunch', accountName: 'Globex' });
    const all = (await seo.get('/api/v1/tasks')).json().items;
    expect(all.every((x: { assigneeId: string }) => x.assigneeId === seo.user.id)).toBe(true);
  });

  it('a specialist moves their task to done but cannot retitle it or touch another’s', async () => {
    const task = await createTask(manager, project.id, { assigneeId: seo.user.id });
    const other = await createTask(manager, project.id, { assigneeId: writer.user.id });
    expect((await seo.patch(`/api/v1/tasks/${task.id}`, { status: 'in_progress', spentHours: 2 })).json().status).toBe('in_progress');
    expect((await seo.patch(`/api/v1/tasks/${task.id}`, { status: 'done' })).json().status).toBe('done');
    expectProblem(await seo.patch(`/api/v1/tasks/${task.id}`, { title: 'Renamed' }), 403);
    expectProblem(await seo.patch(`/api/v1/tasks/${other.id}`, { status: 'done' }), 404);
  });

  it('blocking needs a reason', async () => {
    const task = await createTask(manager, project.id, { assigneeId: seo.user.id });
    expectProblem(await seo.patch(`/api/v1/tasks/${task.id}`, { status: 'blocked' }), 400, 'blockedReason');
    const blocked = (await seo.patch(`/api/v1/tasks/${task.id}`, { status: 'blocked', blockedReason: 'No CMS access' })).json();
    expect(blocked.blockedReason).toBe('No CMS access');
    expect((await seo.patch(`/api/v1/tasks/${task.id}`, { status: 'in_progress' })).json().blockedReason).toBeNull();
  });

  it('refuses an assignee who is not a specialist and a role not in the settings', async () => {
    expectProblem(
      await manager.post('/api/v1/tasks', { projectId: project.id, title: 'x', assigneeId: manager.user.id }),
      400,
      'assigneeId',
    );
    expectProblem(await manager.post('/api/v1/tasks', { projectId: project.id, title: 'x', role: 'astrologer' }), 400, 'role');
    expectProblem(await manager.post('/api/v1/tasks', { projectId: project.id, title: 'x', estimateHours: -1 }), 400, 'estimateHours');
  });

  it('comments are shared between the manager and the assignee', async () => {
    const task = await createTask(manager, project.id, { assigneeId: seo.user.id });
    await manager.post(`/api/v1/tasks/${task.id}/comments`, { body: 'Please start with the audit' });
    const c = (await seo.post(`/api/v1/tasks/${task.id}/comments`, { body: 'On it' })).json();
    expect(c.authorName).toBe(seo.user.name);
    expect((await seo.get(`/api/v1/tasks/${task.id}/comments`)).json().items.map((x: { body: string }) => x.body)).toEqual([
      'Please start with the audit',
      'On it',
    ]);
    expectProblem(await writer.get(`/api/v1/tasks/${task.id}/comments`), 404);
  });
});

describe('delivery access', () => {
  it('a specialist reads only projects where they have a task, without the budget', async () => {
    const idle = await t.signIn('specialist');
    expectProblem(await idle.get(`/api/v1/projects/${project.id}`), 404);
    expect((await idle.get('/api/v1/projects')).json().items).toHaveLength(0);
    const seen = (await seo.get(`/api/v1/projects/${project.id}`)).json();
    expect(seen.name).toBe('Website relaunch');
    expect(seen.budgetMinor).toBeNull();
    expect((await manager.get(`/api/v1/projects/${project.id}`)).json().budgetMinor).toBe(1_000_000);
  });

  it('a specialist cannot read the account, its timeline or its interactions', async () => {
    expectProblem(await seo.get(`/api/v1/accounts/${accountId}`), 404);
    expectProblem(await seo.get(`/api/v1/accounts/${accountId}/timeline`), 404);
    expectProblem(await seo.get(`/api/v1/interactions?accountId=${accountId}`), 403);
  });

  it('a manager cannot assign tasks on another manager’s project; a backup may read but not assign', async () => {
    const stranger = await t.signIn('account_manager');
    const backup = await t.signIn('account_manager');
    await manager.patch(`/api/v1/accounts/${accountId}`, { backupOwnerId: backup.user.id });
    const before = (await manager.get(`/api/v1/tasks?projectId=${project.id}&limit=200`)).json().items.length;
    expectProblem(await stranger.post('/api/v1/tasks', { projectId: project.id, title: 'Sneaky', assigneeId: seo.user.id }), 404);
    expect((await backup.get(`/api/v1/projects/${project.id}`)).statusCode).toBe(200);
    expectProblem(await backup.post('/api/v1/tasks', { projectId: project.id, title: 'Sneaky', assigneeId: seo.user.id }), 403);
    expect((await manager.get(`/api/v1/tasks?projectId=${project.id}&limit=200`)).json().items).toHaveLength(before);
  });

  it('client users see no tasks; finance reads but cannot assign', async () => {
    const contact = await t.createContact(manager, accountId, 'Carl');
    const client = await t.signIn('client', { contactId: contact.id });
    expectProblem(await client.get('/api/v1/tasks'), 403);
    expect((await client.get(`/api/v1/projects/${project.id}`)).statusCode).toBe(200);
    const finance = await t.signIn('finance');
    expect((await finance.get(`/api/v1/tasks?projectId=${project.id}`)).statusCode).toBe(200);
    expectProblem(await finance.post('/api/v1/tasks', { projectId: project.id, title: 'x' }), 403);
  });
});

describe('stop-work flag', () => {
  it('refuses new tasks on a stopped account with 409 and the reason, until finance lifts it', async () => {
    const finance = await t.signIn('finance');
    const set = await finance.post(`/api/v1/accounts/${accountId}/stop-work`, { reason: 'Invoices 30 days overdue' });
    expect(set.statusCode, set.body).toBeLessThan(300);
    const refused = expectProblem(
      await manager.post('/api/v1/tasks', { projectId: project.id, title: 'More work', assigneeId: seo.user.id }),
      409,
    );
    expect(refused.detail).toContain('Invoices 30 days overdue');
    expect((await finance.post(`/api/v1/accounts/${accountId}/stop-work/lift`, { reason: 'Paid in full' })).statusCode).toBeLessThan(300);
    expect((await manager.post('/api/v1/tasks', { projectId: project.id, title: 'More work', assigneeId: seo.user.id })).statusCode).toBe(
      201,
    );
  });
});
