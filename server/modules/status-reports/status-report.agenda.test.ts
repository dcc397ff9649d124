import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMilestone, createProject } from '../../test/delivery-fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { agendaOfKind, moveClockTo } from '../../test/today-fixtures.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
let project: { id: string };
beforeAll(async () => {
  // Monday 2 November 2026, after the reports' hour: last week's report is due.
  t = await createTestApp({ now: '2026-11-02T12:00:00.000Z' });
  w = await buildWorld(t);
  project = await createProject(w.as.owner, w.accountA.id, { name: 'Relaunch', reportSchedule: 'weekly', reportDay: 1, reportHour: 9 });
  await createMilestone(w.as.owner, project.id, 'Design signed off', '2026-12-01');
  const run = await t.app.services.scheduledReports.runDue();
  expect(run).toMatchObject({ due: 1, skipped: 1 });
  await moveClockTo(t, w, '2026-11-04T09:00:00.000Z');
});
afterAll(() => t.close());

describe('status reports due on the manager’s Today', () => {
  it('a scheduled period skipped for want of a recipient', async () => {
    const items = await agendaOfKind(w.as.owner, 'status_report_due');
    expect(items.map((i) => [i.key, i.due, i.group, i.overdueDays, i.record.path])).toEqual([
      [`status-report:${project.id}:2026-10-26:2026-11-01`, '2026-11-02', 'overdue', 2, `/projects/${project.id}`],
    ]);
    expect(items[0].reason).toBe(
      'The status report of Relaunch for 26 Oct 2026 – 1 Nov 2026 was not sent: nobody in the project receives reports',
    );
    expect(await agendaOfKind(w.as.nonOwner, 'status_report_due')).toEqual([]);
  });

  it('off Today once the period’s report is sent by hand', async () => {
    const contact = await w.as.owner.post('/api/v1/contacts', {
      accountId: w.accountA.id,
      firstName: 'Reader',
      email: 'reader@client.test',
      receivesReports: true,
    });
    expect(contact.statusCode, contact.body).toBe(201);
    const sent = await w.as.owner.post(`/api/v1/projects/${project.id}/status-reports`, {
      periodFrom: '2026-10-26',
      periodTo: '2026-11-01',
    });
    expect(sent.statusCode, sent.body).toBeLessThan(300);
    expect(await agendaOfKind(w.as.owner, 'status_report_due')).toEqual([]);
  });
});
