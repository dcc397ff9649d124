import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxPage, StaffNotificationPreferences } from '../../../common/schemas/inbox.js';
import { createProject, createTask } from '../../test/delivery-fixtures.js';
import { auditEntries, expectNoWrite, expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { buildWorld, type World } from '../../test/world.js';
import { AGENDA_CHECK_MS } from './index.js';

/**
 * The bell: each staff member is told, once, of a client's message on an account they manage,
 * of a task or account given to them, and of a high or critical item new on their Today; they
 * read only their own notices, mark them read, and choose what they are told of.
 */
let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T09:00:00.000Z' });
  w = await buildWorld(t);
});
afterAll(() => t.close());

const inboxOf = async (who: Caller, query = ''): Promise<InboxPage> => {
  const res = await who.get(`/api/v1/inbox${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const ofKind = async (who: Caller, kind: string) => (await inboxOf(who, '?limit=200')).items.filter((i) => i.kind === kind);
const write = (body: string) => {
  t.clock.advance(60_000);
  return w.as.clientA.post('/api/v1/messages', { body });
};
const patchPrefs = (who: Caller, body: unknown) => who.patch('/api/v1/auth/me/notification-preferences', body);

describe('what rings the bell, and for whom', () => {
  it('a client’s message: the account’s manager and backup are told, nobody else', async () => {
    expect((await write('Can we move the launch to May?')).statusCode).toBe(201);
    for (const who of [w.as.owner, w.as.backup]) {
      const [notice] = await ofKind(who, 'client_message');
      expect(notice).toMatchObject({
        text: `${w.as.clientA.user.name} wrote: “Can we move the launch to May?”`,
        account: { id: w.accountA.id, name: 'Alpha Works' },
        path: `/accounts/${w.accountA.id}?tab=requests`,
        read: false,
      });
    }
    for (const who of [w.as.nonOwner, w.as.admin, w.as.specialist, w.as.finance]) expect(await ofKind(who, 'client_message')).toEqual([]);
  });

  it('assignments: an account given to a manager and backup, a task given to a specialist; not what one gives oneself', async () => {
    // The world's admin gave account A to its owner and backup.
    expect((await ofKind(w.as.owner, 'assignment')).map((n) => n.text)).toEqual(['You now manage Alpha Works']);
    expect((await ofKind(w.as.backup, 'assignment')).map((n) => n.text)).toEqual(['You now back up the manager of Alpha Works']);

    const project = await createProject(w.as.owner, w.accountA.id, { name: 'Relaunch' });
    const task = await createTask(w.as.owner, project.id, { title: 'Keyword research', assigneeId: w.as.specialist.user.id });
    const [notice] = await ofKind(w.as.specialist, 'assignment');
    expect(notice).toMatchObject({ text: 'You were given the task “Keyword research” in “Relaunch”', path: `/tasks/${task.id}` });

    // A task created unassigned and given later tells its assignee then; the owner creating an account for themself is not told.
    const later = await createTask(w.as.owner, project.id, { title: 'Audit' });
    expect((await ofKind(w.as.specialist, 'assignment')).length).toBe(1);
    const patched = await w.as.owner.patch(
      `/api/v1/tasks/${later.id}`,
      { assigneeId: w.as.specialist.user.id },
      { 'if-match': `"${later.version}"` },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await ofKind(w.as.specialist, 'assignment')).map((n) => n.path)).toEqual([`/tasks/${later.id}`, `/tasks/${task.id}`]);
    await t.createAccount(w.as.owner, { name: 'Own Co' });
    expect((await ofKind(w.as.owner, 'assignment')).length).toBe(1);
  });

  it('a high or critical item new on Today: told once, in the reader’s language; a medium one is not', async () => {
    const step = async (text: string, dueDate: string) => {
      const res = await w.as.nonOwner.post('/api/v1/next-steps', { accountId: w.accountB.id, text, dueDate });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>();
    };
    const late = await step('Send the signed plan', '2026-11-16'); // 10 days late: high
    await step('Call about the launch', '2026-11-24'); // 2 days late: medium
    const steps = async () => (await ofKind(w.as.nonOwner, 'agenda')).filter((n) => n.text.startsWith('Next step'));
    // Today is asked at most every few minutes per person (the bell polls); the last ask was in an earlier test.
    t.clock.advance(AGENDA_CHECK_MS);
    const first = await steps();
    expect(first.map((n) => [n.text, n.path])).toEqual([
      ['Next step “Send the signed plan” was due 16 Nov 2026 — 10\u00a0days overdue', `/accounts/${w.accountB.id}`],
    ]);
    // Read again: the same item is not told twice; one new since is told once Today is asked again.
    await step('Renew the contract', '2026-11-10');
    expect((await steps()).map((n) => n.id)).toEqual([first[0].id]);
    t.clock.advance(AGENDA_CHECK_MS);
    const again = await steps();
    expect(again.map((n) => n.text)).toEqual([
      'Next step “Renew the contract” was due 10 Nov 2026 — 16\u00a0days overdue',
      'Next step “Send the signed plan” was due 16 Nov 2026 — 10\u00a0days overdue',
    ]);
    expect(again[1].id).toBe(first[0].id);
    // A Russian reader reads the same notice in Russian.
    const me = (await w.as.nonOwner.get('/api/v1/auth/me')).json<{ user: { version: number } }>();
    expect((await w.as.nonOwner.patch('/api/v1/auth/me', { language: 'ru' }, { 'if-match': `"${me.user.version}"` })).statusCode).toBe(200);
    const ru = (await ofKind(w.as.nonOwner, 'agenda')).find((n) => n.id === first[0].id);
    expect(ru?.text).toBe('Следующий шаг «Send the signed plan» был назначен на 16 нояб. 2026 г. — просрочен на 10\u00a0дней');
    // The item done on Today: a notice once told stays as it was; the next step's other item (medium) never rang.
    expect((await w.as.nonOwner.post(`/api/v1/next-steps/${late.id}/done`)).statusCode).toBe(200);
    t.clock.advance(AGENDA_CHECK_MS);
    const ruSteps = (await ofKind(w.as.nonOwner, 'agenda')).filter((n) => n.text.startsWith('Следующий шаг'));
    expect(ruSteps.map((n) => n.id)).toEqual(again.map((n) => n.id));
  });
});

describe('reading and marking', () => {
  it('counts the unread, pages newest first, marks one and all read; another person’s notice is 404', async () => {
    const before = await inboxOf(w.as.owner);
    expect(before.unread).toBe(before.items.filter((i) => !i.read).length);
    expect(before.unread).toBeGreaterThanOrEqual(2);
    const page1 = await inboxOf(w.as.owner, '?limit=1');
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await inboxOf(w.as.owner, `?limit=1&cursor=${page1.nextCursor}`);
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    expect(page2.items[0].createdAt <= page1.items[0].createdAt).toBe(true);

    const first = before.items[0];
    expectProblem(await w.as.backup.post(`/api/v1/inbox/${first.id}/read`), 404);
    expectProblem(await w.as.clientA.get('/api/v1/inbox'), 403);
    expect((await w.as.owner.post(`/api/v1/inbox/${first.id}/read`)).statusCode).toBe(204);
    const after = await inboxOf(w.as.owner);
    expect(after.unread).toBe(before.unread - 1);
    expect(after.items.find((i) => i.id === first.id)?.read).toBe(true);
    expect((await inboxOf(w.as.owner, '?unread=true')).items.map((i) => i.id)).not.toContain(first.id);
    // The backup's notices are untouched by the owner reading theirs.
    const backupUnread = (await inboxOf(w.as.backup)).unread;
    expect((await w.as.owner.post('/api/v1/inbox/read-all')).statusCode).toBe(204);
    expect((await inboxOf(w.as.owner)).unread).toBe(0);
    expect((await inboxOf(w.as.backup)).unread).toBe(backupUnread);
    expectProblem(await w.as.owner.get('/api/v1/inbox?cursor=forged'), 400, 'cursor');
  });
});

describe('choices', () => {
  it('defaults to everything on at 08:00 in the agency’s zone; changes only what is named, audited', async () => {
    const get = await w.as.backup.get('/api/v1/auth/me/notification-preferences');
    expect(get.statusCode).toBe(200);
    expect(get.json()).toEqual({
      inApp: { agenda: true, client_message: true, assignment: true, integration: true },
      digest: { agenda: true, client_message: true, assignment: true, integration: true },
      digestHour: 8,
      timeZone: null,
      effectiveTimeZone: 'UTC',
    });
    const res = await patchPrefs(w.as.backup, { inApp: { client_message: false }, digestHour: 7, timeZone: 'Europe/Moscow' });
    expect(res.statusCode, res.body).toBe(200);
    const prefs: StaffNotificationPreferences = res.json();
    expect(prefs).toEqual({
      inApp: { agenda: true, client_message: false, assignment: true, integration: true },
      digest: { agenda: true, client_message: true, assignment: true, integration: true },
      digestHour: 7,
      timeZone: 'Europe/Moscow',
      effectiveTimeZone: 'Europe/Moscow',
    });
    expect((await auditEntries(t, `recordType=user&recordId=${w.as.backup.user.id}`)).length).toBeGreaterThan(0);
    // The bell now leaves clients' messages out, also from its count.
    const inbox = await inboxOf(w.as.backup);
    expect(inbox.items.map((i) => i.kind)).not.toContain('client_message');
    expect(inbox.unread).toBe(inbox.items.filter((i) => !i.read).length);
    // Back to the agency's zone.
    expect((await patchPrefs(w.as.backup, { timeZone: null })).json()).toMatchObject({ timeZone: null, digestHour: 7 });
  });

  it('a kind off in the app and the digest is not recorded at all', async () => {
    expect((await patchPrefs(w.as.owner, { inApp: { client_message: false }, digest: { client_message: false } })).statusCode).toBe(200);
    expect((await write('Anyone there?')).statusCode).toBe(201);
    expect((await patchPrefs(w.as.owner, { inApp: { client_message: true } })).statusCode).toBe(200);
    expect((await ofKind(w.as.owner, 'client_message')).map((n) => n.text)).not.toContain(
      `${w.as.clientA.user.name} wrote: “Anyone there?”`,
    );
    expect((await ofKind(w.as.backup, 'client_message')).length).toBe(0); // the backup turned it off in the app only
    await patchPrefs(w.as.backup, { inApp: { client_message: true } });
    expect((await ofKind(w.as.backup, 'client_message')).map((n) => n.text)).toContain(`${w.as.clientA.user.name} wrote: “Anyone there?”`);
  });

  it('refuses a bad zone, hour or kind with field errors, writing nothing; clients 403', async () => {
    for (const [body, field] of [
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ digestHour: 24 }, 'digestHour'],
      [{ digestHour: 7.5 }, 'digestHour'],
      [{ inApp: { weather: true } }, 'inApp.weather'],
    ] as const) {
      await expectNoWrite(t, async () => {
        const res = await patchPrefs(w.as.nonOwner, body);
        expectProblem(res, 400, field);
        return res;
      });
    }
    expectProblem(await w.as.clientA.get('/api/v1/auth/me/notification-preferences'), 403);
    expectProblem(await patchPrefs(w.as.clientA, { digestHour: 9 }), 403);
  });
});
