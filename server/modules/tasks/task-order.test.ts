import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, createTask } from '../../test/delivery-fixtures.js';
import { expectProblem, fetchAllPages } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';

let t: TestApp;
let manager: Caller;
let seo: Caller;
let projectId: string;

/** Title, status and due date of each task, created in an order that matches no sort. */
const TASKS = [
  ['Finished', 'done', '2026-01-05'],
  ['Todo dated', 'todo', '2026-03-10'],
  ['Todo undated', 'todo', null],
  ['Blocked later', 'blocked', '2026-03-20'],
  ['Doing dated', 'in_progress', '2026-03-01'],
  ['Doing undated', 'in_progress', null],
  ['In review', 'review', '2026-03-05'],
  ['Blocked sooner', 'blocked', '2026-03-02'],
] as const;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn('account_manager');
  seo = await t.signIn('specialist');
  await t.admin.patch(`/api/v1/users/${seo.user.id}`, { specialties: ['seo'] });
  const accountId = (await t.createAccount(manager, { name: 'Hooli' })).id;
  projectId = (await createProject(manager, accountId)).id;
  for (const [title, status, dueDate] of TASKS) {
    await createTask(manager, projectId, {
      title,
      status,
      dueDate,
      assigneeId: seo.user.id,
      blockedReason: status === 'blocked' ? 'Waiting' : undefined,
    });
    t.clock.advance(1000);
  }
});
afterAll(() => t.close());

const titles = (items: Array<{ title: string }>) => items.map((x) => x.title);

describe('the order of a task list', () => {
  it('by status puts open work first (blocked, in progress, review, to do, then done), each by due date with undated last', async () => {
    const expected = [
      'Blocked sooner',
      'Blocked later',
      'Doing dated',
      'Doing undated',
      'In review',
      'Todo dated',
      'Todo undated',
      'Finished',
    ];
    const url = `/api/v1/tasks?projectId=${projectId}&sort=status`;
    expect(titles((await manager.get(`${url}&limit=200`)).json().items)).toEqual(expected);
    // Page by page, the walk keeps the order and neither skips nor repeats a task.
    expect(titles(await fetchAllPages(manager, `${url}&limit=3`))).toEqual(expected);
    expect(titles(await fetchAllPages(manager, `${url}&limit=1`))).toEqual(expected);
  });

  it('by due date puts the earliest first and undated last, page by page', async () => {
    const expected = [
      'Finished',
      'Doing dated',
      'Blocked sooner',
      'In review',
      'Todo dated',
      'Blocked later',
      // Undated ones by id, which follows no title: compare as a set.
    ];
    const all = titles(await fetchAllPages(seo, '/api/v1/tasks?assigneeId=me&sort=due&limit=2'));
    expect(all.slice(0, 6)).toEqual(expected);
    expect(all.slice(6).sort()).toEqual(['Doing undated', 'Todo undated']);
    const open = titles(await fetchAllPages(seo, '/api/v1/tasks?assigneeId=me&sort=due&open=true&limit=2'));
    expect(open).toEqual(all.filter((x) => x !== 'Finished'));
  });

  it('is newest first unless asked otherwise', async () => {
    expect(titles((await manager.get(`/api/v1/tasks?projectId=${projectId}`)).json().items)).toEqual(
      TASKS.map(([title]) => title).reverse(),
    );
  });

  it('refuses a cursor with a rank no status has', async () => {
    const cursor = Buffer.from(JSON.stringify({ r: 9, v: '2026-03-01', id: 'x' })).toString('base64url');
    expectProblem(await manager.get(`/api/v1/tasks?projectId=${projectId}&sort=status&cursor=${cursor}`), 400, 'cursor');
    expectProblem(await manager.get(`/api/v1/tasks?projectId=${projectId}&sort=sideways`), 400, 'sort');
  });
});
