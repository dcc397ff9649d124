import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../../common/schemas/project.js';
import type { Task } from '../../../common/schemas/task.js';
import { createMilestone, createProject, createTask } from '../../test/delivery-fixtures.js';
import { expectProblem, fetchAllPages } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';

interface HistoryEntry {
  action: string;
  actorName: string | null;
  at: string;
  changes: Record<string, { before: unknown; after: unknown }>;
}

let t: TestApp;
let manager: Caller;
let seo: Caller;
let project: Project;
let accountId: string;

const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn('account_manager');
  seo = await t.signIn('specialist');
  await t.admin.patch(`/api/v1/users/${seo.user.id}`, { specialties: ['seo'] });
  accountId = (await t.createAccount(manager, { name: 'Initech', currency: 'EUR' })).id;
  project = await createProject(manager, accountId, { currency: 'EUR' });
});
afterAll(() => t.close());

/** A task assigned to the SEO specialist, then moved along by both of them an hour apart. */
async function taskWithHistory(): Promise<Task> {
  const task = await createTask(manager, project.id, { title: 'Site audit', assigneeId: seo.user.id, estimateHours: 10 });
  t.clock.advance(HOUR);
  expect((await seo.patch(`/api/v1/tasks/${task.id}`, { status: 'in_progress' })).statusCode).toBe(200);
  t.clock.advance(HOUR);
  expect((await seo.patch(`/api/v1/tasks/${task.id}`, { spentHours: 2.5 })).statusCode).toBe(200);
  t.clock.advance(HOUR);
  const renamed = await manager.patch(`/api/v1/tasks/${task.id}`, { title: 'Technical site audit' });
  expect(renamed.statusCode).toBe(200);
  return renamed.json();
}

describe('a task read on its own', () => {
  it('names its milestone, and gives its cost at the role’s rate to those who see money only', async () => {
    const milestone = await createMilestone(manager, project.id, 'Audit', '2026-04-01');
    const task = await createTask(manager, project.id, {
      assigneeId: seo.user.id,
      milestoneId: milestone.id,
      estimateHours: 10,
      spentHours: 2.5,
    });
    const seen = (await manager.get(`/api/v1/tasks/${task.id}`)).json();
    expect(seen.milestoneTitle).toBe('Audit');
    // The seo role's default rate is 60.00 an hour.
    expect(seen.cost).toEqual({ currency: 'EUR', pricedAs: 'seo', hourlyRateMinor: 6000, spentMinor: 15000, estimateMinor: 60000 });
    const finance = await t.signIn('finance');
    expect((await finance.get(`/api/v1/tasks/${task.id}`)).json().cost.spentMinor).toBe(15000);
    const own = (await seo.get(`/api/v1/tasks/${task.id}`)).json();
    expect(own.milestoneTitle).toBe('Audit');
    expect(own.cost).toBeNull();

    const listed = (await manager.get(`/api/v1/tasks?projectId=${project.id}&limit=200`)).json().items;
    expect(listed.find((x: Task) => x.id === task.id).milestoneTitle).toBe('Audit');
  });

  it('is priced in its project’s currency only: without a rate in it, the cost says which role lacks one', async () => {
    const rouble = await createProject(manager, (await t.createAccount(manager, { name: 'Рога и копыта', currency: 'RUB' })).id, {
      currency: 'RUB',
    });
    const task = await createTask(manager, rouble.id, { assigneeId: seo.user.id, estimateHours: 4, spentHours: 1 });
    const cost = async () => (await manager.get(`/api/v1/tasks/${task.id}`)).json().cost;
    // The default rates are in euros: none is a rouble rate.
    expect(await cost()).toEqual({ currency: 'RUB', pricedAs: 'seo', hourlyRateMinor: null, spentMinor: null, estimateMinor: null });

    const settings = (await t.admin.get('/api/v1/settings/delivery')).json();
    const roleRates = { ...settings.roleRates, seo: { ...settings.roleRates.seo, RUB: 450_000 } };
    expect((await t.admin.put('/api/v1/settings/delivery', { specialistRoles: settings.specialistRoles, roleRates })).statusCode).toBe(200);
    expect(await cost()).toEqual({
      currency: 'RUB',
      pricedAs: 'seo',
      hourlyRateMinor: 450_000,
      spentMinor: 450_000,
      estimateMinor: 1_800_000,
    });
  });
});

describe('a task’s history', () => {
  it('says who changed what and when, newest first, a page at a time', async () => {
    const task = await taskWithHistory();
    const first = (await seo.get(`/api/v1/tasks/${task.id}/history?limit=2`)).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));

    const all = await fetchAllPages<HistoryEntry>(seo, `/api/v1/tasks/${task.id}/history?limit=1`);
    expect(all.map((e) => [e.action, e.actorName, Object.keys(e.changes).filter((k) => !k.endsWith('Name'))])).toEqual([
      ['update', manager.user.name, ['title']],
      ['update', seo.user.name, ['spentHours']],
      ['update', seo.user.name, ['status']],
      ['create', manager.user.name, expect.arrayContaining(['title', 'assigneeId', 'estimateHours'])],
    ]);
    expect(all[0].changes.title).toEqual({ before: 'Site audit', after: 'Technical site audit' });
    expect(all[1].changes.spentHours).toEqual({ before: 0, after: 2.5 });
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort().reverse());
  });

  it('is read by everyone who may read the task and by no one else (404, as if it did not exist)', async () => {
    const task = await taskWithHistory();
    const url = `/api/v1/tasks/${task.id}/history`;
    const backup = await t.signIn('account_manager');
    await manager.patch(`/api/v1/accounts/${accountId}`, { backupOwnerId: backup.user.id });
    for (const reader of [manager, seo, backup, await t.signIn('finance'), t.admin])
      expect((await reader.get(url)).json().items).toHaveLength(4);

    const otherSpecialist = await t.signIn('specialist');
    const otherManager = await t.signIn('account_manager');
    const otherAccount = await t.createAccount(otherManager, { name: 'Umbrella' });
    const stranger = await t.signIn('client', { contactId: (await t.createContact(otherManager, otherAccount.id, 'Ursula')).id });
    const ownClient = await t.signIn('client', { contactId: (await t.createContact(manager, accountId, 'Ivan')).id });
    for (const outsider of [otherSpecialist, otherManager, stranger, ownClient]) {
      expectProblem(await outsider.get(url), 404);
      expectProblem(await outsider.get(`/api/v1/tasks/${task.id}`), 404);
    }
  });

  it('of a deleted task is gone with it; a tampered cursor is a 400', async () => {
    const task = await taskWithHistory();
    expectProblem(await manager.get(`/api/v1/tasks/${task.id}/history?cursor=bm9wZQ`), 400, 'cursor');
    expect((await manager.delete(`/api/v1/tasks/${task.id}`)).statusCode).toBe(204);
    expectProblem(await manager.get(`/api/v1/tasks/${task.id}/history`), 404);
  });
});
