import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, createTask } from '../../test/delivery-fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;

// Sunday evening in London: already Monday in Moscow.
beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-08T22:30:00.000Z' });
});
afterAll(() => t.close());

describe('the agency calendar', () => {
  it('tells anyone signed in today and this week in the agency’s time zone, the day late work is measured against', async () => {
    const manager = await t.signIn('account_manager');
    const seo = await t.signIn('specialist');
    const account = await t.createAccount(manager);
    const project = await createProject(manager, account.id);
    const task = await createTask(manager, project.id, { assigneeId: seo.user.id, dueDate: '2026-03-08' });
    const lateIds = async () => (await manager.get('/api/v1/reports/delivery')).json().lateTasks.map((x: { id: string }) => x.id);

    expect((await seo.get('/api/v1/settings/calendar')).json()).toEqual({
      timeZone: 'UTC',
      today: '2026-03-08',
      weekStart: '2026-03-02',
      weekEnd: '2026-03-08',
    });
    expect(await lateIds()).not.toContain(task.id);

    expect((await t.admin.patch('/api/v1/settings/billing', { timeZone: 'Europe/Moscow' })).statusCode).toBe(200);
    expect((await seo.get('/api/v1/settings/calendar')).json()).toEqual({
      timeZone: 'Europe/Moscow',
      today: '2026-03-09',
      weekStart: '2026-03-09',
      weekEnd: '2026-03-15',
    });
    expect(await lateIds()).toContain(task.id);
  });

  it('is not for the signed-out', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/settings/calendar' })).statusCode).toBe(401);
  });
});
