import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalHome } from '../../../common/schemas/portal.js';
import type { Project } from '../../../common/schemas/project.js';
import { issuedInvoice } from '../../test/billing-fixtures.js';
import { createMilestone, createProject, createTask } from '../../test/delivery-fixtures.js';
import { createDocument, sendDocument } from '../../test/document-fixtures.js';
import { createInteraction, expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
let sink: SmtpSink;
let projectA: Project;
let projectB: Project;

const INTERNAL_NOTE = 'Internal: they pay late, keep the rate at 9000';
const INTERNAL_TASK = 'Internal task with twelve hours';

const homeOf = async (c: Caller): Promise<PortalHome> => {
  const res = await c.get('/api/v1/portal/home');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** A project of the account with one milestone, its plan sent to the client. */
async function submittedProject(owner: Caller, accountId: string, name: string): Promise<Project> {
  const p = await createProject(owner, accountId, { name, stage: 'planning', kind: 'seo' });
  await createMilestone(owner, p.id, 'Audit', '2026-04-01');
  expect((await owner.post(`/api/v1/projects/${p.id}/plan/submit`)).statusCode).toBe(200);
  return p;
}

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ smtpUrl: sink.url, now: '2026-03-10T10:00:00.000Z' });
  w = await buildWorld(t);
  const { owner, nonOwner } = w.as;
  projectA = await submittedProject(owner, w.accountA.id, 'Alpha relaunch');
  projectB = await submittedProject(nonOwner, w.accountB.id, 'Beta secret launch');
  await owner.post('/api/v1/requirements', { projectId: projectA.id, party: 'client', text: 'Give us CMS access' });
  await createTask(owner, projectA.id, { title: INTERNAL_TASK, estimateHours: 12, spentHours: 12 });
  await createInteraction(owner, w.accountA.id, { type: 'note', summary: INTERNAL_NOTE });
  const act = await createDocument(owner, w.accountA.id, { kind: 'act' });
  expect((await sendDocument(owner, act.id, [w.contactA.id])).statusCode).toBe(200);
  const report = await createDocument(owner, w.accountA.id, { kind: 'status_report', projectId: projectA.id });
  expect((await sendDocument(owner, report.id, [w.contactA.id])).statusCode).toBe(200);
  await issuedInvoice(t.admin, w.accountA.id, { issueDate: '2026-01-05' });
  await issuedInvoice(t.admin, w.accountA.id);
  await issuedInvoice(t.admin, w.accountB.id, { issueDate: '2026-01-05' });
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

describe('the portal home', () => {
  it('lists what waits for the client: the overdue invoice first, then the plan, requirement, brief, act and the invoice due', async () => {
    const home = await homeOf(w.as.clientA);
    expect(home.todo.map((x) => x.kind)).toEqual(['invoice', 'plan', 'requirement', 'brief', 'document', 'invoice']);
    expect(home.todo[0]).toMatchObject({ kind: 'invoice', daysOverdue: expect.any(Number) });
    expect(home.todo.at(-1)).toMatchObject({ kind: 'invoice', daysOverdue: null });
    expect(home.todo[1]).toMatchObject({ kind: 'plan', projectId: projectA.id, projectName: 'Alpha relaunch' });
    expect(home.todo[2]).toMatchObject({ kind: 'requirement', text: 'Give us CMS access' });
    expect(home.todo[3]).toMatchObject({ kind: 'brief', missing: expect.any(Number) });
    expect(home.todo[4]).toMatchObject({ kind: 'document', documentKind: 'act' });
  });

  it('gives the latest news of the company’s projects: the status report sent and the plan sent for approval', async () => {
    const home = await homeOf(w.as.clientA);
    expect(home.news.map((n) => n.kind)).toEqual(expect.arrayContaining(['status_report', 'plan_submitted']));
    expect(home.news.every((n) => n.projectId === projectA.id)).toBe(true);
    const times = home.news.map((n) => n.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('answers a decision already taken with nothing to do, and the plan once approved leaves the list', async () => {
    const other = await submittedProject(w.as.owner, w.accountA.id, 'Alpha newsletter');
    expect((await w.as.clientA.post(`/api/v1/projects/${other.id}/plan/approve`, {})).statusCode).toBe(200);
    const again = await w.as.clientA.post(`/api/v1/projects/${other.id}/plan/approve`, {});
    expectProblem(again, 409);
    expect(again.json().code).toBe('plan.approved_already');
    const plans = (await homeOf(w.as.clientA)).todo.filter((x) => x.kind === 'plan');
    expect(plans.map((x) => x.kind === 'plan' && x.projectId)).toEqual([projectA.id]);
    expect((await homeOf(w.as.clientA)).news[0]).toMatchObject({ kind: 'plan_approved', projectId: other.id });
  });

  it('never shows another company’s work, internal notes, tasks, hours or rates', async () => {
    const body = JSON.stringify(await homeOf(w.as.clientA));
    for (const hidden of [projectB.id, 'Beta secret launch', INTERNAL_NOTE, INTERNAL_TASK, 'Kick-off with Alpha', 'Hours', 'rate']) {
      expect(body).not.toContain(hidden);
    }
    const ofB = await homeOf(w.as.clientB);
    expect(ofB.todo.map((x) => x.kind)).toEqual(['invoice', 'plan', 'brief']);
    expect(JSON.stringify(ofB)).not.toContain(projectA.id);
  });

  it('is the client’s own page: staff are refused, with a reason', async () => {
    for (const staff of [t.admin, w.as.owner, w.as.finance, w.as.specialist]) {
      const res = await staff.get('/api/v1/portal/home');
      expectProblem(res, 403);
      expect(res.json().code).toBe('access.portal_only');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/portal/home' })).statusCode).toBe(401);
  });

  it('a client of another company cannot act on the plan: 404, and the plan stays waiting', async () => {
    expectProblem(await w.as.clientB.post(`/api/v1/projects/${projectA.id}/plan/request-changes`, { comment: 'Change it' }), 404);
    expectProblem(await w.as.clientB.post(`/api/v1/projects/${projectA.id}/plan/approve`, {}), 404);
    expect((await w.as.owner.get(`/api/v1/projects/${projectA.id}`)).json().planStatus).toBe('submitted');
  });

  it('a client reads their project without its team, and its budget only when the manager shares it', async () => {
    const { owner, specialist, clientA } = w.as;
    const p = await createProject(owner, w.accountA.id, { name: 'Alpha budgeted', budgetMinor: 500_000 });
    expect(
      (await owner.put(`/api/v1/projects/${p.id}/team`, { members: [{ userId: specialist.user.id, role: 'designer' }] })).statusCode,
    ).toBe(200);
    expect((await owner.get(`/api/v1/projects/${p.id}`)).json()).toMatchObject({
      budgetMinor: 500_000,
      team: [{ userId: specialist.user.id }],
    });

    const seen = (await clientA.get(`/api/v1/projects/${p.id}`)).json();
    expect(seen).toMatchObject({ budgetMinor: null, team: [] });
    const listed = (await clientA.get(`/api/v1/projects?limit=200`)).json().items.find((x: Project) => x.id === p.id);
    expect(listed).toMatchObject({ budgetMinor: null, team: [] });
    expect(JSON.stringify(listed)).not.toContain(specialist.user.name);

    const shared = await owner.patch(`/api/v1/projects/${p.id}`, { shareBudget: true }, { 'if-match': String(p.version) });
    expect(shared.statusCode, shared.body).toBe(200);
    expect((await clientA.get(`/api/v1/projects/${p.id}`)).json()).toMatchObject({ budgetMinor: 500_000, team: [] });
  });

  it('keeps the brief a draft until the client submits it complete, once; the manager sees it on the timeline', async () => {
    const { owner, clientA } = w.as;
    const p = await createProject(owner, w.accountA.id, { name: 'Alpha brief', kind: 'seo' });
    const url = `/api/v1/projects/${p.id}/brief`;
    const { questions } = (await clientA.get(url)).json<{ questions: { id: string }[] }>();
    expect(questions.length).toBeGreaterThan(1);

    // A draft: one answer saved, the rest missing; it cannot be submitted yet.
    const draft = (await clientA.put(`${url}/answers`, { answers: [{ questionId: questions[0].id, answer: 'More leads' }] })).json();
    expect(draft).toMatchObject({ submittedAt: null, can: { answer: true, submit: false } });
    const early = await clientA.post(`${url}/submit`);
    expectProblem(early, 409);
    expect(early.json().code).toBe('brief.incomplete');
    const waiting = (await homeOf(clientA)).todo.find((x) => x.kind === 'brief' && x.projectId === p.id);
    expect(waiting).toMatchObject({ missing: questions.length - 1 });

    await clientA.put(`${url}/answers`, { answers: questions.map((q) => ({ questionId: q.id, answer: `Answer to ${q.id}` })) });
    expect((await homeOf(clientA)).todo.find((x) => x.kind === 'brief' && x.projectId === p.id)).toMatchObject({ missing: 0 });
    expectProblem(await w.as.clientB.post(`${url}/submit`), 404);

    const sent = await clientA.post(`${url}/submit`);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ submittedById: clientA.user.id, can: { submit: false }, missing: [] });
    const again = await clientA.post(`${url}/submit`);
    expectProblem(again, 409);
    expect(again.json().code).toBe('brief.already_submitted');
    expect((await homeOf(clientA)).todo.some((x) => x.kind === 'brief' && x.projectId === p.id)).toBe(false);
    const timeline = (await owner.get(`/api/v1/accounts/${w.accountA.id}/timeline?limit=5`)).json();
    expect(timeline.items[0]).toMatchObject({ kind: 'brief_submitted', actorId: clientA.user.id, data: { projectId: p.id } });
  });

  it('gives a company with several projects every requirement and brief waiting on any of them, and nothing of another company', async () => {
    const { owner, nonOwner, clientA, clientB } = w.as;
    const requirement = async (by: Caller, projectId: string, text: string) =>
      (await by.post('/api/v1/requirements', { projectId, party: 'client', text })).json<{ id: string }>().id;
    const ofA = [
      await createProject(owner, w.accountA.id, { name: 'Alpha shop' }),
      await createProject(owner, w.accountA.id, { name: 'Alpha blog' }),
    ];
    const ofB = await createProject(nonOwner, w.accountB.id, { name: 'Beta portal' });
    const waitingA = [
      await requirement(owner, ofA[0].id, 'Shop: payment providers'),
      await requirement(owner, ofA[0].id, 'Shop: delivery zones'),
      await requirement(owner, ofA[1].id, 'Blog: editorial calendar'),
    ];
    const agreed = await requirement(owner, ofA[1].id, 'Blog: comments off');
    expect((await clientA.post(`/api/v1/requirements/${agreed}/agree`, {})).statusCode).toBe(200);
    const waitingB = await requirement(nonOwner, ofB.id, 'Beta: single sign-on');

    const home = await homeOf(clientA);
    const requirementsOf = (h: PortalHome, projectId: string) =>
      h.todo.flatMap((x) => (x.kind === 'requirement' && x.projectId === projectId ? [x.requirementId] : []));
    expect(requirementsOf(home, ofA[0].id)).toEqual(waitingA.slice(0, 2));
    expect(requirementsOf(home, ofA[1].id)).toEqual(waitingA.slice(2));
    const briefs = home.todo.flatMap((x) => (x.kind === 'brief' ? [x.projectId] : []));
    expect(briefs).toEqual(expect.arrayContaining(ofA.map((p) => p.id)));
    const body = JSON.stringify(home);
    for (const hidden of [ofB.id, waitingB, 'Beta portal', 'single sign-on']) expect(body).not.toContain(hidden);

    const homeB = await homeOf(clientB);
    expect(requirementsOf(homeB, ofB.id)).toEqual([waitingB]);
    expect(homeB.todo.some((x) => x.kind === 'brief' && x.projectId === ofB.id)).toBe(true);
    for (const hidden of [...ofA.map((p) => p.id), ...waitingA]) expect(JSON.stringify(homeB)).not.toContain(hidden);
  });
});
