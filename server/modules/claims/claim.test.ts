import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../../common/schemas/claim.js';
import type { TimelineEntry } from '../../../common/schemas/timeline.js';
import { claimBody, createClaim, moveClaim, reportProblem, RESOLVE } from '../../test/claim-fixtures.js';
import { auditEntries, expectNoWrite, expectProblem, fetchAllPages } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, type World } from '../../test/world.js';
import { DEFAULT_CLAIM_SETTINGS } from './index.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T09:00:00.000Z' });
  w = await buildWorld(t);
});
afterAll(() => t.close());

const HOUR = 3600_000;
const plusHours = (iso: string, h: number) => new Date(Date.parse(iso) + h * HOUR).toISOString();
const move = (id: string, body: object, headers?: Record<string, string>) => w.as.owner.post(`/api/v1/claims/${id}/status`, body, headers);
const claimEvents = async (accountId: string) =>
  ((await t.admin.get(`/api/v1/accounts/${accountId}/timeline?limit=200&kinds=satisfaction`)).json().items as TimelineEntry[]).flatMap(
    (e) => (e.entryType === 'event' ? [e] : []),
  );

describe('registering a claim', () => {
  it('sets its deadlines from its severity in calendar hours, and is audited and on the timeline', async () => {
    const now = t.clock.now().toISOString();
    const claim = await createClaim(w.as.owner, w.accountA.id, { severity: 'high', category: 'deadline' });
    expect(claim).toMatchObject({
      status: 'received',
      source: 'manager',
      severity: 'high',
      category: 'deadline',
      accountName: 'Alpha Works',
      respondBy: plusHours(now, 8),
      resolveBy: plusHours(now, 48),
      respondBreached: false,
      resolveBreached: false,
      respondedAt: null,
      rootCause: null,
      createdById: w.as.owner.user.id,
      can: { update: true, moveStatus: true },
    });
    expect((await auditEntries(t, `recordId=${claim.id}`)).map((e) => [e.action, e.recordType])).toEqual([['create', 'claim']]);
    const events = (await claimEvents(w.accountA.id)).filter((e) => e.data.claimId === claim.id);
    expect(events.map((e) => [e.kind, e.data.severity, e.data.categoryName])).toEqual([
      ['claim_registered', 'high', { en: 'Deadline', ru: 'Сроки' }],
    ]);
  });

  it.each(['low', 'medium', 'high', 'critical'] as const)('gives a %s claim the configured hours', async (severity) => {
    const now = t.clock.now().toISOString();
    const claim = await createClaim(w.as.owner, w.accountA.id, { severity });
    const hours = DEFAULT_CLAIM_SETTINGS.deadlines[severity];
    expect([claim.respondBy, claim.resolveBy]).toEqual([plusHours(now, hours.respondHours), plusHours(now, hours.resolveHours)]);
  });

  it('uses the deadlines as configured at registration', async () => {
    const settings = {
      ...DEFAULT_CLAIM_SETTINGS,
      deadlines: { ...DEFAULT_CLAIM_SETTINGS.deadlines, low: { respondHours: 1, resolveHours: 3 } },
    };
    expect((await t.admin.put('/api/v1/settings/claims', settings)).statusCode).toBe(200);
    const now = t.clock.now().toISOString();
    const claim = await createClaim(w.as.owner, w.accountA.id, { severity: 'low' });
    expect([claim.respondBy, claim.resolveBy]).toEqual([plusHours(now, 1), plusHours(now, 3)]);
    expect((await t.admin.put('/api/v1/settings/claims', DEFAULT_CLAIM_SETTINGS)).statusCode).toBe(200);
  });

  it.each([
    ['an unknown category', { category: 'weather' }, 'category'],
    ['a blank description', { description: '  ' }, 'description'],
    ['an unknown severity', { severity: 'urgent' }, 'severity'],
    ['a project of another account', { projectId: 'nope' }, 'projectId'],
    ['a linked user who is not a specialist', { specialistIds: ['someone'] }, 'specialistIds'],
    ['an unknown field', { rootCause: 'no_review' }, 'rootCause'],
  ])('refuses %s with a 400 and writes nothing', async (_what, changes, field) => {
    const res = await expectNoWrite(t, () => w.as.owner.post('/api/v1/claims', { ...claimBody(w.accountA.id), ...changes }));
    expectProblem(res, 400, field);
  });

  it('names the configured categories when the one given is not among them', async () => {
    const body = expectProblem(await w.as.owner.post('/api/v1/claims', claimBody(w.accountA.id, { category: 'weather' })), 400, 'category');
    expect(body.detail).toContain('quality, deadline, communication, billing, other');
  });

  it('links specialists and projects involved, and changes them with If-Match', async () => {
    const specialist = w.as.specialist.user;
    const project = (await t.admin.post('/api/v1/projects', { accountId: w.accountA.id, name: 'Relaunch', kind: 'development' })).json<{
      id: string;
    }>();
    const claim = await createClaim(w.as.owner, w.accountA.id, { specialistIds: [specialist.id], projectIds: [project.id] });
    expect(claim.specialists).toEqual([{ id: specialist.id, name: specialist.name }]);
    expect(claim.projects).toEqual([{ id: project.id, name: 'Relaunch' }]);
    const stale = await w.as.owner.patch(`/api/v1/claims/${claim.id}`, { specialistIds: [] }, { 'if-match': `"${claim.version + 5}"` });
    expect(stale.statusCode).toBe(412);
    const changed = await w.as.owner.patch(
      `/api/v1/claims/${claim.id}`,
      { specialistIds: [], internalNote: 'Second time this month' },
      { 'if-match': `"${claim.version}"` },
    );
    expect(changed.json()).toMatchObject({ specialists: [], projects: [{ id: project.id }], internalNote: 'Second time this month' });
  });
});

describe('the workflow', () => {
  let claim: Claim;
  beforeAll(async () => {
    claim = await createClaim(w.as.owner, w.accountA.id);
  });

  it('refuses an illegal move with a 400 naming the allowed ones', async () => {
    const body = expectProblem(await move(claim.id, RESOLVE), 400, 'status');
    expect(body.detail).toBe('A claim cannot move from received to resolved. Allowed: in progress.');
    expectProblem(await move(claim.id, { status: 'closed' }), 400, 'status');
  });

  it('stamps the first response when work starts', async () => {
    t.clock.advance(HOUR);
    const moved = await moveClaim(w.as.owner, claim.id, { status: 'in_progress' });
    expect(moved).toMatchObject({ status: 'in_progress', respondedAt: t.clock.now().toISOString(), respondBreached: false });
  });

  it.each([
    ['no root cause', { status: 'resolved', rootCauseNote: 'Because' }, 'rootCause'],
    ['a root cause not configured', { ...RESOLVE, rootCause: 'gremlins' }, 'rootCause'],
    ['no root cause note', { status: 'resolved', rootCause: 'no_review' }, 'rootCauseNote'],
  ])('refuses to resolve with %s', async (_what, body, field) => {
    const res = await expectNoWrite(t, () => move(claim.id, body));
    const problem = expectProblem(res, 400, field);
    if (field === 'rootCause') expect(problem.detail).toContain('unclear_requirements');
  });

  it('resolves with a root cause, on the timeline with it', async () => {
    const resolved = await moveClaim(w.as.owner, claim.id, RESOLVE);
    expect(resolved).toMatchObject({
      status: 'resolved',
      rootCause: 'no_review',
      rootCauseNote: RESOLVE.rootCauseNote,
      resolution: RESOLVE.resolution,
    });
    expect(resolved.resolvedAt).toBe(t.clock.now().toISOString());
    const events = (await claimEvents(w.accountA.id)).filter((e) => e.data.claimId === claim.id);
    expect(events.map((e) => e.kind)).toEqual(['claim_resolved', 'claim_status_changed', 'claim_registered']);
    expect(events[0].data).toMatchObject({
      rootCause: 'no_review',
      rootCauseName: { en: 'No review before delivery', ru: 'Нет проверки перед сдачей' },
    });
  });

  it('goes back to work when the resolution is disputed, keeping the first response', async () => {
    const respondedAt = (await w.as.owner.get(`/api/v1/claims/${claim.id}`)).json().respondedAt;
    t.clock.advance(HOUR);
    const back = await moveClaim(w.as.owner, claim.id, { status: 'in_progress' });
    expect(back).toMatchObject({ status: 'in_progress', respondedAt, resolvedAt: null });
    await moveClaim(w.as.owner, claim.id, RESOLVE);
  });

  it('closes by staff, and a closed claim moves nowhere', async () => {
    const closed = await moveClaim(w.as.owner, claim.id, { status: 'closed' });
    expect(closed).toMatchObject({ status: 'closed', closedHow: 'staff', closedAt: t.clock.now().toISOString() });
    const body = expectProblem(await move(claim.id, { status: 'in_progress' }), 400, 'status');
    expect(body.detail).toContain('Allowed: none');
  });

  it('answers 412 to a move at a stale version', async () => {
    const other = await createClaim(w.as.owner, w.accountA.id);
    const res = await move(other.id, { status: 'in_progress' }, { 'if-match': `"${other.version + 1}"` });
    expect(res.statusCode).toBe(412);
  });
});

describe('the client in the portal', () => {
  it('reports a problem, sees it move, and confirms the resolution', async () => {
    const reported = await reportProblem(w.as.clientA);
    expect(reported).toMatchObject({ status: 'received', source: 'portal', severity: 'high', accountId: w.accountA.id });
    const staffView = (await w.as.owner.get(`/api/v1/claims/${reported.id}`)).json<Claim>();
    expect(staffView.createdById).toBe(w.as.clientA.user.id);
    expectProblem(await w.as.clientA.post(`/api/v1/portal/claims/${reported.id}/confirm`), 400, 'status');
    await moveClaim(w.as.owner, reported.id, { status: 'in_progress' });
    await moveClaim(w.as.owner, reported.id, RESOLVE);
    const seen = (await w.as.clientA.get(`/api/v1/portal/claims/${reported.id}`)).json();
    expect(seen).toMatchObject({ status: 'resolved', resolution: RESOLVE.resolution });
    const confirmed = await w.as.clientA.post(`/api/v1/portal/claims/${reported.id}/confirm`);
    expect(confirmed.json()).toMatchObject({ status: 'closed' });
    expect((await w.as.owner.get(`/api/v1/claims/${reported.id}`)).json()).toMatchObject({ closedHow: 'client' });
  });

  it('reads the categories to choose from', async () => {
    const res = await w.as.clientA.get('/api/v1/portal/claims/categories');
    expect(res.json().categories.map((c: { key: string }) => c.key)).toEqual(['quality', 'deadline', 'communication', 'billing', 'other']);
  });

  it('refuses a project of another company as if it did not exist', async () => {
    const project = (await t.admin.post('/api/v1/projects', { accountId: w.accountB.id, name: 'Beta site', kind: 'design' })).json();
    expectProblem(
      await w.as.clientA.post('/api/v1/portal/claims', { category: 'quality', description: 'x', projectId: project.id }),
      400,
      'projectId',
    );
  });
});

describe('the list', () => {
  it('filters by status, severity, category, breach and text, and pages by cursor', async () => {
    const fresh = await t.createAccount(t.admin, { name: 'Gamma Print', ownerId: w.as.owner.user.id });
    const a = await createClaim(w.as.owner, fresh.id, { severity: 'critical', category: 'billing', description: 'Invoice sent twice' });
    const b = await createClaim(w.as.owner, fresh.id, { severity: 'low', category: 'quality', description: 'Typo on the pricing page' });
    await moveClaim(w.as.owner, b.id, { status: 'in_progress' });
    const ids = async (query: string) =>
      ((await w.as.owner.get(`/api/v1/claims?accountId=${fresh.id}&${query}`)).json().items as Claim[]).map((c) => c.id);
    expect(await ids('')).toEqual([b.id, a.id]);
    expect(await ids('status=in_progress')).toEqual([b.id]);
    expect(await ids('severity=critical')).toEqual([a.id]);
    expect(await ids('category=quality')).toEqual([b.id]);
    expect(await ids('q=invoice')).toEqual([a.id]);
    expect(await ids('breached=true')).toEqual([]);
    t.clock.advance(3 * HOUR); // past the critical claim's 2 hours to respond; the low one was answered
    expect(await ids('breached=true')).toEqual([a.id]);
    expect(await ids('breached=false')).toEqual([b.id]);
    const all = await fetchAllPages(w.as.owner, `/api/v1/claims?accountId=${fresh.id}&limit=1`);
    expect(all.map((c) => c.id)).toEqual([b.id, a.id]);
    expectProblem(await w.as.owner.get('/api/v1/claims?cursor=garbage'), 400, 'cursor');
  });
});

describe('settings', () => {
  it.each([
    [
      'a resolve time shorter than the respond time',
      { deadlines: { ...DEFAULT_CLAIM_SETTINGS.deadlines, low: { respondHours: 10, resolveHours: 5 } } },
    ],
    ['a survey category not configured', { surveyCategory: 'weather' }],
    ['duplicate root cause keys', { rootCauses: [DEFAULT_CLAIM_SETTINGS.rootCauses[0], DEFAULT_CLAIM_SETTINGS.rootCauses[0]] }],
    ['no categories', { categories: [] }],
  ])('refuses %s', async (_what, change) => {
    expectProblem(await t.admin.put('/api/v1/settings/claims', { ...DEFAULT_CLAIM_SETTINGS, ...change }), 400);
  });

  it('are read by staff and changed by admins only', async () => {
    expect((await w.as.finance.get('/api/v1/settings/claims')).statusCode).toBe(200);
    expect((await w.as.owner.put('/api/v1/settings/claims', DEFAULT_CLAIM_SETTINGS)).statusCode).toBe(403);
    expect((await w.as.clientA.get('/api/v1/settings/claims')).statusCode).toBe(403);
  });
});
