import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { agendaOfKind, moveClockTo } from '../../test/today-fixtures.js';
import { buildWorld, type World } from '../../test/world.js';

const DEFAULTS = {
  contactCadenceDays: { prospect: 30, active: 14, paused: 60, churned: null },
  clientWaitDays: 5,
  proposalUndecidedDays: 3,
};

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-01T09:00:00.000Z' });
  w = await buildWorld(t);
  await moveClockTo(t, w, '2026-03-20T09:00:00.000Z');
});
afterAll(() => t.close());

describe('Today settings', () => {
  it('read by admins with their defaults; nobody else reads or changes them', async () => {
    const res = await t.admin.get('/api/v1/settings/today');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(DEFAULTS);
    expectProblem(await w.as.owner.get('/api/v1/settings/today'), 403);
    expectProblem(await w.as.owner.put('/api/v1/settings/today', DEFAULTS), 403);
  });

  it('refuse days that are not whole, below one or too many, saying which field and why, and change nothing', async () => {
    const bad = expectProblem(
      await t.admin.put('/api/v1/settings/today', {
        ...DEFAULTS,
        contactCadenceDays: { ...DEFAULTS.contactCadenceDays, active: 1.5 },
        clientWaitDays: 0,
        proposalUndecidedDays: 91,
      }),
      400,
    );
    expect(bad.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['contactCadenceDays.active', 'today.days_whole'],
      ['clientWaitDays', 'today.days_min'],
      ['proposalUndecidedDays', 'today.days_max'],
    ]);
    expect(bad.errors[2].message).toBe('At most 90\u00a0days');
    expectProblem(await t.admin.put('/api/v1/settings/today', { clientWaitDays: 5 }), 400, 'contactCadenceDays');
    expect((await t.admin.get('/api/v1/settings/today')).json()).toEqual(DEFAULTS);
  });

  it('a shorter cadence puts a quiet account on its manager’s Today at once; the change is audited', async () => {
    // A prospect contacted 19 days ago: within its 30 days.
    expect(await agendaOfKind(w.as.owner, 'no_recent_contact')).toEqual([]);
    const changed = { ...DEFAULTS, contactCadenceDays: { ...DEFAULTS.contactCadenceDays, prospect: 10 }, clientWaitDays: 7 };
    const res = await t.admin.put('/api/v1/settings/today', changed);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(changed);
    expect((await t.admin.get('/api/v1/settings/today')).json()).toEqual(changed);
    const [quiet] = await agendaOfKind(w.as.owner, 'no_recent_contact');
    expect(quiet).toMatchObject({ account: { id: w.accountA.id }, due: '2026-03-11' });
    const audit = (await t.admin.get('/api/v1/audit-log?recordType=settings&recordId=today')).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'update', actorId: t.admin.user.id });
  });
});
