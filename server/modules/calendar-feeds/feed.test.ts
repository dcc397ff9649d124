import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaim } from '../../test/claim-fixtures.js';
import { createMilestone, createProject, createTask } from '../../test/delivery-fixtures.js';
import { createDocument, sendDocument } from '../../test/document-fixtures.js';
import { createInteraction, expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
const ids: Record<string, string> = {};

async function feedUrl(by: Caller, path = '/api/v1/me/calendar'): Promise<string> {
  const res = await by.get(path);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ url: string }>().url;
}

/** The feed's events by UID, parsed back as a calendar app would. */
async function events(url: string): Promise<Map<string, VEvent>> {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('text/calendar');
  const parsed = ical.sync.parseICS(res.body);
  return new Map(Object.values(parsed).flatMap((c) => (c?.type === 'VEVENT' ? [[c.uid, c] as const] : [])));
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-10-01T09:00:00.000Z' });
  w = await buildWorld(t);
  const project = await createProject(w.as.owner, w.accountA.id, { name: 'Relaunch' });
  ids.task = (
    await createTask(w.as.owner, project.id, { title: 'Write the copy', dueDate: '2026-10-20', assigneeId: w.as.specialist.user.id })
  ).id;
  ids.milestone = (await createMilestone(w.as.owner, project.id, 'Design signed off', '2026-10-22')).id;
  const step = await w.as.owner.post('/api/v1/next-steps', { accountId: w.accountA.id, text: 'Send the estimate', dueDate: '2026-10-09' });
  expect(step.statusCode, step.body).toBe(201);
  ids.step = step.json<{ id: string }>().id;
  ids.claim = (await createClaim(w.as.owner, w.accountA.id, { severity: 'high' })).id;
  ids.meeting = (
    await createInteraction(w.as.owner, w.accountA.id, {
      type: 'meeting',
      summary: 'Design review',
      occurredAt: '2026-09-30T10:00:00.000Z',
    })
  ).id;
  const contact = await t.createContact(w.as.owner, w.accountA.id, 'Ann');
  const contract = await createDocument(w.as.owner, w.accountA.id, {
    kind: 'contract',
    lines: [],
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
  });
  const sent = await sendDocument(w.as.owner, contract.id, [contact.id]);
  expect(sent.statusCode, sent.body).toBe(200);
  ids.contract = contract.id;
  ids.contractNumber = sent.json<{ document: { number: string } }>().document.number;
  // A follow-up call the dunning run gave the owner, worded for each reader.
  ids.call = 'call-0001';
  await t.database.db
    .insertInto('billing_actions')
    .values({
      id: ids.call,
      created_at: '2026-10-01T02:00:00.000Z',
      updated_at: '2026-10-01T02:00:00.000Z',
      kind: 'call',
      account_id: w.accountA.id,
      invoice_id: null,
      assignee_id: w.as.owner.user.id,
      assignee_role: null,
      title: 'Call Alpha Works about overdue invoices',
      detail: '',
      wording: JSON.stringify({
        title: ['followUp.call_title', { account: 'Alpha Works' }],
        detail: ['followUp.overdue', { numbers: 'INV-1' }],
      }),
      due_date: '2026-10-02',
      done_at: null,
      done_by: null,
    })
    .execute();
  const projectB = await createProject(w.as.nonOwner, w.accountB.id, { name: 'Other' });
  ids.taskB = (await createTask(w.as.nonOwner, projectB.id, { title: 'Not yours', dueDate: '2026-10-20' })).id;
});
afterAll(() => t.close());

describe('a personal feed', () => {
  it('holds the manager’s next steps, task and milestone days, meetings, claim deadlines, contract ends and follow-up calls, with stable UIDs', async () => {
    const feed = await events(await feedUrl(w.as.owner));
    expect([...feed.keys()].sort()).toEqual(
      [
        `claim-${ids.claim}`,
        `meeting-${ids.meeting}`,
        `milestone-${ids.milestone}`,
        `next-step-${ids.step}`,
        `task-${ids.task}`,
        `contract-end-${ids.contract}`,
        `follow-up-call-${ids.call}`,
      ]
        .map((u) => `${u}@liaison`)
        .sort(),
    );
    const ends = feed.get(`contract-end-${ids.contract}@liaison`)!;
    expect(ends.summary).toBe(`Contract ${ids.contractNumber} ends — Alpha Works`);
    expect(ends.start.toISOString().slice(0, 10)).toBe('2026-12-31');
    expect(feed.get(`follow-up-call-${ids.call}@liaison`)!.summary).toBe('Call Alpha Works about overdue invoices');
    const step = feed.get(`next-step-${ids.step}@liaison`)!;
    expect(step.summary).toBe('Send the estimate — Alpha Works');
    // A due day is a whole day, that day, wherever the calendar is.
    expect(step.datetype).toBe('date');
    expect(step.start.toISOString().slice(0, 10)).toBe('2026-10-09');
    const meeting = feed.get(`meeting-${ids.meeting}@liaison`)!;
    expect(meeting.start.toISOString()).toBe('2026-09-30T10:00:00.000Z');
    expect(meeting.end!.toISOString()).toBe('2026-09-30T11:00:00.000Z');
  });

  it('keeps an event’s UID when its record changes, so calendars update it', async () => {
    const before = await events(await regenerate(w.as.specialist));
    const res = await w.as.owner.patch(`/api/v1/tasks/${ids.task}`, { dueDate: '2026-10-23' }, { 'if-match': '"1"' });
    expect(res.statusCode, res.body).toBe(200);
    const after = await events(await regenerate(w.as.specialist));
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect(after.get(`task-${ids.task}@liaison`)!.start.toISOString().slice(0, 10)).toBe('2026-10-23');
  });

  it('shows only what is the person’s: a specialist their own tasks, another manager none of these', async () => {
    const specialist = await events(await regenerate(w.as.specialist));
    expect([...specialist.keys()]).toEqual([`task-${ids.task}@liaison`]);
    const other = await events(await feedUrl(w.as.nonOwner));
    expect([...other.keys()]).toEqual([`task-${ids.taskB}@liaison`]);
  });

  it('answers the same address until it is regenerated or turned off; then the old one answers 404', async () => {
    const first = await regenerate(w.as.backup);
    const again = await w.as.backup.get('/api/v1/me/calendar');
    expect(again.json()).toMatchObject({ url: first });
    const second = await regenerate(w.as.backup);
    expect(second).not.toBe(first);
    expect((await t.app.inject({ method: 'GET', url: first })).statusCode).toBe(404);
    await events(second);
    expect((await w.as.backup.delete('/api/v1/me/calendar')).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: second })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/calendar/not-a-real-secret-at-all-0000.ics' })).statusCode).toBe(404);
    // Turned off, the feed is made anew on the next request, at another address.
    const third = await feedUrl(w.as.backup);
    expect([first, second]).not.toContain(third);
  });

  it('is not for client users', async () => {
    expectProblem(await w.as.clientA.get('/api/v1/me/calendar'), 403);
  });
});

describe('an account’s feed', () => {
  it('holds the account’s dates for one who looks after it, and answers 404 once they no longer may read it', async () => {
    const url = await feedUrl(w.as.owner, `/api/v1/accounts/${w.accountA.id}/calendar`);
    const feed = await events(url);
    expect(feed.has(`task-${ids.task}@liaison`)).toBe(true);
    expect(feed.has(`claim-${ids.claim}@liaison`)).toBe(true);
    expect(feed.has(`task-${ids.taskB}@liaison`)).toBe(false);
    const res = await t.admin.patch(
      `/api/v1/accounts/${w.accountA.id}`,
      { ownerId: w.as.nonOwner.user.id },
      { 'if-match': `"${(await t.admin.get(`/api/v1/accounts/${w.accountA.id}`)).json<{ version: number }>().version}"` },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
  });

  it('is refused for an account the caller cannot read (404) or does not manage (403)', async () => {
    expectProblem(await w.as.owner.get(`/api/v1/accounts/${w.accountB.id}/calendar`), 404);
    expectProblem(await w.as.finance.get(`/api/v1/accounts/${w.accountB.id}/calendar`), 403);
  });
});

async function regenerate(by: Caller): Promise<string> {
  const res = await by.post('/api/v1/me/calendar/regenerate', {});
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ url: string }>().url;
}
