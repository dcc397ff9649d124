import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaim, moveClaim, RESOLVE } from '../../test/claim-fixtures.js';
import { actionBody, createAction } from '../../test/corrective-action-fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { agendaOfKind, moveClockTo } from '../../test/today-fixtures.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
let late: string;
let check: string;
let checkLate: string;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T09:00:00.000Z' });
  w = await buildWorld(t);
  const claim = await createClaim(w.as.owner, w.accountA.id);
  await moveClaim(w.as.owner, claim.id, { status: 'in_progress' });
  await moveClaim(w.as.owner, claim.id, { ...RESOLVE, rootCause: 'no_review' });
  const open = async (what: string, dueOn: string, checkOn: string, ownerId = w.as.owner.user.id) =>
    (await createAction(w.as.owner, actionBody(claim.id, ownerId, { what, dueOn, checkOn }))).id;
  late = await open('Add a phone check', '2026-12-01', '2027-03-01');
  check = await open('Review every release', '2026-11-28', '2026-12-12');
  checkLate = await open('Pair on estimates', '2026-11-27', '2026-12-08');
  await open('Not yet due', '2026-12-20', '2027-01-20');
  await open('Someone else’s', '2026-11-27', '2026-12-01', w.as.nonOwner.user.id);
  await moveClockTo(t, w, '2026-12-10T09:00:00.000Z');
});
afterAll(() => t.close());

describe('corrective actions on their owner’s Today', () => {
  it('a check due this week or past, otherwise an overdue action, ordered by their day', async () => {
    const checks = await agendaOfKind(w.as.owner, 'corrective_check_due');
    expect(checks.map((i) => [i.key, i.group, i.severity, i.account?.id, i.record.path])).toEqual([
      [`corrective-check:${checkLate}:2026-12-08`, 'overdue', 'medium', w.accountA.id, `/corrective-actions/${checkLate}`],
      [`corrective-check:${check}:2026-12-12`, 'week', 'low', w.accountA.id, `/corrective-actions/${check}`],
    ]);
    expect(checks.map((i) => i.reason)).toEqual([
      'The effectiveness check of “Pair on estimates” was due 8 Dec 2026 — 2\u00a0days late',
      'The effectiveness check of “Review every release” is due 12 Dec 2026',
    ]);
    const [overdue, ...more] = await agendaOfKind(w.as.owner, 'corrective_action_overdue');
    expect(more).toEqual([]);
    expect(overdue).toMatchObject({ key: `corrective-action:${late}:2026-12-01`, overdueDays: 9, severity: 'high' });
    expect(overdue.reason).toBe('Corrective action “Add a phone check” was due 1 Dec 2026 — 9\u00a0days overdue');
  });

  it('only the owner gets them: not a colleague, nor a backup covering', async () => {
    expect((await agendaOfKind(w.as.nonOwner, 'corrective_check_due')).map((i) => i.reason)).toEqual([
      'The effectiveness check of “Someone else’s” was due 1 Dec 2026 — 9\u00a0days late',
    ]);
    expect(await agendaOfKind(w.as.specialist, 'corrective_check_due')).toEqual([]);
    const covering = await w.as.backup.get(`/api/v1/today?as=${w.as.owner.user.id}`);
    expect(covering.statusCode, covering.body).toBe(200);
    expect(JSON.stringify(covering.json())).not.toContain('corrective');
  });

  it('a check recorded takes it off', async () => {
    const res = await w.as.owner.post(`/api/v1/corrective-actions/${checkLate}/check`, { result: 'effective', note: 'No repeat' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await agendaOfKind(w.as.owner, 'corrective_check_due')).map((i) => i.record.id)).toEqual([check]);
  });
});
