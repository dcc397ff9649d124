import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../../common/schemas/claim.js';
import type { CheckFigures, CorrectiveAction } from '../../../common/schemas/corrective-action.js';
import type { TimelineEntry } from '../../../common/schemas/timeline.js';
import { createClaim, moveClaim, RESOLVE } from '../../test/claim-fixtures.js';
import { actionBody, answeredSurvey, createAction } from '../../test/corrective-action-fixtures.js';
import { auditEntries, expectNoWrite, expectProblem } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
const T0 = '2026-11-26T09:00:00.000Z';
beforeAll(async () => {
  t = await createTestApp({ now: T0 });
  w = await buildWorld(t);
});
afterAll(() => t.close());

const DAY = 86_400_000;
const URL = '/api/v1/corrective-actions';
async function resolvedClaim(accountId: string, rootCause = 'no_review'): Promise<Claim> {
  const by = accountId === w.accountA.id ? w.as.owner : w.as.nonOwner;
  const claim = await createClaim(by, accountId);
  await moveClaim(by, claim.id, { status: 'in_progress' });
  return moveClaim(by, claim.id, { ...RESOLVE, rootCause });
}
const events = async (accountId: string) =>
  ((await t.admin.get(`/api/v1/accounts/${accountId}/timeline?limit=200&kinds=satisfaction`)).json().items as TimelineEntry[]).flatMap(
    (e) => (e.entryType === 'event' && e.kind.startsWith('corrective_action') ? [e] : []),
  );

describe('opening an action', () => {
  it('on a claim: open, linked to the claim and its root cause, audited and on the account’s timeline', async () => {
    const claim = await resolvedClaim(w.accountA.id);
    const action = await createAction(w.as.owner, actionBody(claim.id, w.as.owner.user.id));
    expect(action).toMatchObject({
      scope: 'claim',
      claimId: claim.id,
      rootCause: 'no_review',
      status: 'open',
      result: null,
      checkFigures: null,
      ownerId: w.as.owner.user.id,
      claims: [{ id: claim.id, accountId: w.accountA.id, accountName: 'Alpha Works' }],
      can: { update: true, check: true },
    });
    expect((await auditEntries(t, `recordId=${action.id}`)).map((e) => [e.action, e.recordType])).toEqual([
      ['create', 'corrective_action'],
    ]);
    const mine = (await events(w.accountA.id)).filter((e) => e.data.actionId === action.id);
    expect(mine.map((e) => [e.kind, e.data.what])).toEqual([['corrective_action_created', action.what]]);
  });

  it.each([
    ['no text', { what: '  ' }, 'what', 'corrective.what_required'],
    ['a claim and a root cause', { rootCause: 'no_review' }, 'claimId', 'corrective.claim_or_root_cause'],
    ['a check before the due date', { dueOn: '2027-01-10', checkOn: '2027-01-09' }, 'checkOn', 'corrective.check_after_due'],
    ['a malformed date', { dueOn: '15.12.2026' }, 'dueOn', 'validation.date'],
    ['an owner who is a specialist', { ownerId: 'SPECIALIST' }, 'ownerId', 'corrective.owner_not_staff'],
    ['a claim that does not exist', { claimId: 'no-such-claim' }, 'claimId', 'corrective.no_such_claim'],
  ])('refuses %s with a 400 on the field, writing nothing', async (_name, input, field, code) => {
    const claim = await resolvedClaim(w.accountA.id);
    const body = { ...actionBody(claim.id, w.as.owner.user.id), ...input };
    if (body.ownerId === 'SPECIALIST') body.ownerId = w.as.specialist.user.id;
    const res = await expectNoWrite(t, () => w.as.owner.post(URL, body));
    expect(expectProblem(res, 400, field).errors.find((e: { field: string }) => e.field === field).code).toBe(code);
  });

  it('refuses neither a claim nor a root cause, and a root cause that is not configured', async () => {
    const plan = { what: 'Review every release', ownerId: w.as.owner.user.id, dueOn: '2026-12-01', checkOn: '2027-01-01' };
    expectProblem(await w.as.owner.post(URL, plan), 400, 'claimId');
    const res = await w.as.owner.post(URL, { ...plan, rootCause: 'gremlins' });
    expect(expectProblem(res, 400, 'rootCause').detail).toContain('no_review');
  });

  it('for a root cause: linked to the claims of that cause the opener reads, on each account’s timeline', async () => {
    const [onA, onB, other] = [
      await resolvedClaim(w.accountA.id, 'handover'),
      await resolvedClaim(w.accountB.id, 'handover'),
      await resolvedClaim(w.accountA.id, 'skills_gap'),
    ];
    const body = {
      rootCause: 'handover',
      what: 'A handover checklist',
      ownerId: w.as.nonOwner.user.id,
      dueOn: '2026-12-01',
      checkOn: '2027-02-01',
    };
    const byOwner = await createAction(w.as.owner, body);
    expect(byOwner.claims.map((c) => c.id)).toEqual([onA.id]);
    const byAdmin = await createAction(t.admin, body);
    expect(byAdmin.claims.map((c) => c.id).sort()).toEqual([onA.id, onB.id].sort());
    expect(byAdmin.claims.map((c) => c.id)).not.toContain(other.id);
    expect((await events(w.accountB.id)).filter((e) => e.data.actionId === byAdmin.id)).toHaveLength(1);
    // The owner of the root cause's action (B's manager) checks it; A's manager reads it but may not.
    expect((await w.as.owner.get(`${URL}/${byAdmin.id}`)).json().can).toEqual({ update: false, check: false });
    expect((await w.as.nonOwner.get(`${URL}/${byAdmin.id}`)).json().can).toEqual({ update: true, check: true });
  });
});

describe('changing an action', () => {
  it('follows If-Match, and never closes it: status is not a field to change', async () => {
    const claim = await resolvedClaim(w.accountA.id);
    const action = await createAction(w.as.owner, actionBody(claim.id, w.as.owner.user.id));
    expectProblem(await w.as.owner.patch(`${URL}/${action.id}`, { what: 'Late' }, { 'if-match': `"${action.version + 1}"` }), 412);
    const closing = await expectNoWrite(t, () => w.as.owner.patch(`${URL}/${action.id}`, { status: 'checked' }));
    expectProblem(closing, 400);
    const moved = await w.as.owner.patch(`${URL}/${action.id}`, { checkOn: '2027-04-01' }, { 'if-match': `"${action.version}"` });
    expect(moved.json()).toMatchObject({ status: 'open', checkOn: '2027-04-01', version: action.version + 1 });
    expectProblem(await w.as.owner.patch(`${URL}/${action.id}`, { checkOn: '2026-12-01' }), 400, 'checkOn');
  });
});

describe('an action that did not work', () => {
  const followUp = { what: 'Estimate with two people', ownerId: '', dueOn: '2027-02-01', checkOn: '2027-05-01' };

  it('needs a follow-up action, and a follow-up only then', async () => {
    const action = await createAction(w.as.owner, actionBody((await resolvedClaim(w.accountA.id)).id, w.as.owner.user.id));
    const bare = await expectNoWrite(t, () => w.as.owner.post(`${URL}/${action.id}/check`, { result: 'not_effective' }));
    expect(expectProblem(bare, 400, 'followUp').errors[0].code).toBe('corrective.follow_up_required');
    const extra = { result: 'effective', followUp: { ...followUp, ownerId: w.as.owner.user.id } };
    expectProblem(await expectNoWrite(t, () => w.as.owner.post(`${URL}/${action.id}/check`, extra)), 400, 'followUp');
  });

  it('closes and opens its follow-up in one transaction: a bad follow-up leaves both undone', async () => {
    const action = await createAction(w.as.owner, actionBody((await resolvedClaim(w.accountA.id)).id, w.as.owner.user.id));
    const bad = { result: 'not_effective', followUp: { ...followUp, ownerId: w.as.clientA.user.id } };
    expectProblem(await expectNoWrite(t, () => w.as.owner.post(`${URL}/${action.id}/check`, bad)), 400, 'ownerId');
    expect((await w.as.owner.get(`${URL}/${action.id}`)).json().status).toBe('open');

    const res = await w.as.owner.post(`${URL}/${action.id}/check`, {
      result: 'not_effective',
      followUp: { ...followUp, ownerId: w.as.owner.user.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    const checked = res.json<CorrectiveAction>();
    expect(checked).toMatchObject({ status: 'checked', result: 'not_effective' });
    const next = (await w.as.owner.get(`${URL}/${checked.followUpId}`)).json<CorrectiveAction>();
    expect(next).toMatchObject({ status: 'open', scope: 'claim', claimId: action.claimId, followUpOfId: action.id, what: followUp.what });
    expect(next.claims).toEqual(action.claims);
    const kinds = (await events(w.accountA.id)).filter((e) => [action.id, next.id].includes(String(e.data.actionId))).map((e) => e.kind);
    expect(kinds.sort()).toEqual(['corrective_action_checked', 'corrective_action_created', 'corrective_action_created']);
  });
});

describe('the list and the agenda', () => {
  it('filters by claim, root cause, status, owner and due date', async () => {
    const claim = await resolvedClaim(w.accountA.id, 'client_side');
    const a1 = await createAction(w.as.owner, actionBody(claim.id, w.as.owner.user.id, { dueOn: '2026-12-20', checkOn: '2027-01-20' }));
    const a2 = await createAction(t.admin, actionBody(claim.id, t.admin.user.id, { dueOn: '2027-06-01', checkOn: '2027-07-01' }));
    const ids = async (q: string) => ((await w.as.owner.get(`${URL}?${q}`)).json().items as CorrectiveAction[]).map((a) => a.id);
    expect(await ids(`claimId=${claim.id}`)).toEqual([a2.id, a1.id]);
    expect(await ids(`claimId=${claim.id}&ownerId=${t.admin.user.id}`)).toEqual([a2.id]);
    expect(await ids(`claimId=${claim.id}&dueBy=2027-01-01`)).toEqual([a1.id]);
    expect(await ids(`rootCause=client_side&status=open`)).toEqual([a2.id, a1.id]);
    expect(await ids(`rootCause=client_side&status=checked`)).toEqual([]);
    const page = (await w.as.owner.get(`${URL}?claimId=${claim.id}&limit=1`)).json();
    expect(page.items).toHaveLength(1);
    expect((await w.as.owner.get(`${URL}?claimId=${claim.id}&limit=1&cursor=${page.nextCursor}`)).json().items[0].id).toBe(a1.id);
    const due = await t.app.services.dueChecks('2027-01-20');
    expect(due.find((d) => d.id === a1.id)).toMatchObject({ checkDue: true, ownerId: w.as.owner.user.id, accountIds: [w.accountA.id] });
    expect(due.map((d) => d.id)).not.toContain(a2.id);
  });
});

describe('the effectiveness check', () => {
  let action: CorrectiveAction;
  let recurA: Claim;
  let recurB: Claim;
  const A = () => ({ accountId: w.accountA.id, contactId: w.contactA.id });
  beforeAll(async () => {
    const claim = await resolvedClaim(w.accountA.id, 'underestimated');
    // Before: NPS 10, 5, 6 (one promoter, two detractors: −33) and CSAT 2, 3 (2.5) on A; B's answer and A's of over a year ago do not count.
    for (const score of [10, 5, 6]) await answeredSurvey(t, A(), 'nps', score, '2026-10-01T10:00:00.000Z');
    for (const score of [2, 3]) await answeredSurvey(t, A(), 'csat', score, '2026-10-02T10:00:00.000Z');
    await answeredSurvey(t, { accountId: w.accountB.id, contactId: w.contactB.id }, 'nps', 0, '2026-10-01T10:00:00.000Z');
    await answeredSurvey(t, A(), 'nps', 0, '2025-10-01T10:00:00.000Z');
    action = await createAction(w.as.owner, actionBody(claim.id, w.as.owner.user.id));
    t.clock.advance(2 * DAY);
    recurA = await resolvedClaim(w.accountA.id, 'underestimated');
    t.clock.advance(DAY);
    recurB = await resolvedClaim(w.accountB.id, 'underestimated');
    await resolvedClaim(w.accountA.id, 'skills_gap');
    // After: NPS 9, 10 (+100), CSAT 5.
    for (const score of [9, 10]) await answeredSurvey(t, A(), 'nps', score, t.clock.now().toISOString());
    await answeredSurvey(t, A(), 'csat', 5, t.clock.now().toISOString());
  });

  it('counts the root cause’s claims since the action and compares satisfaction before and after', async () => {
    const res = await w.as.owner.get(`${URL}/${action.id}/check-preview`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json<CheckFigures>();
    expect(f).toMatchObject({ since: action.createdAt, rootCause: 'underestimated', sameAccount: false, recurrenceCount: 2 });
    expect(f.recurrences.map((r) => r.id)).toEqual([recurB.id, recurA.id]);
    expect(f.accountIds).toEqual([w.accountA.id]);
    expect(f.before).toEqual({ csatAverage: 2.5, csatCount: 2, nps: -33, npsCount: 3, promoters: 1, detractors: 2 });
    expect(f.after).toEqual({ csatAverage: 5, csatCount: 1, nps: 100, npsCount: 2, promoters: 2, detractors: 0 });
    const own = (await w.as.owner.get(`${URL}/${action.id}/check-preview?sameAccount=true`)).json<CheckFigures>();
    expect([own.recurrenceCount, own.recurrences.map((r) => r.id), own.sameAccount]).toEqual([1, [recurA.id], true]);
  });

  it('cannot close without a result', async () => {
    const res = await expectNoWrite(t, () => w.as.owner.post(`${URL}/${action.id}/check`, { note: 'Looks fine' }));
    expect(expectProblem(res, 400, 'result').errors[0].code).toBe('corrective.result_required');
    expect((await w.as.owner.get(`${URL}/${action.id}`)).json().status).toBe('open');
  });

  it('records the result with the figures frozen as they were', async () => {
    const res = await w.as.owner.post(`${URL}/${action.id}/check`, {
      result: 'effective',
      note: 'One recurrence, NPS up',
      sameAccount: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    const checked = res.json<CorrectiveAction>();
    expect(checked).toMatchObject({ status: 'checked', result: 'effective', checkedById: w.as.owner.user.id, followUpId: null });
    expect(checked.can).toEqual({ update: false, check: false });
    expect(checked.checkFigures).toMatchObject({ recurrenceCount: 1, after: { nps: 100, npsCount: 2 } });
    await answeredSurvey(t, A(), 'nps', 0, t.clock.now().toISOString());
    expect((await w.as.owner.get(`${URL}/${action.id}`)).json().checkFigures).toEqual(checked.checkFigures);
    expect((await w.as.owner.get(`${URL}/${action.id}/check-preview`)).json().after.npsCount).toBe(3);
    expectProblem(await w.as.owner.post(`${URL}/${action.id}/check`, { result: 'effective' }), 409);
    const mine = (await events(w.accountA.id)).filter((e) => e.data.actionId === action.id).map((e) => [e.kind, e.data.result]);
    expect(mine).toContainEqual(['corrective_action_checked', 'effective']);
  });
});
