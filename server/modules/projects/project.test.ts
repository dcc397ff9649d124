import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';
import { createMilestone, createProject } from '../../test/delivery-fixtures.js';
import { expectProblem } from '../../test/fixtures.js';

let t: TestApp;
let manager: Caller;
let accountId: string;
beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn('account_manager');
  accountId = (await t.createAccount(manager, { name: 'Acme' })).id;
});
afterAll(() => t.close());

describe('project stages', () => {
  it('moves along allowed transitions, records each on the timeline, and refuses others with 400', async () => {
    const p = await createProject(manager, accountId);
    expect(p.stage).toBe('brief');
    expect(p.allowedStages).toEqual(['planning', 'on_hold', 'closed']);
    for (const stage of ['planning', 'in_progress', 'review', 'delivered', 'closed']) {
      const res = await manager.patch(`/api/v1/projects/${p.id}`, { stage });
      expect(res.statusCode, res.body).toBe(200);
    }
    const refused = expectProblem(await manager.patch(`/api/v1/projects/${p.id}`, { stage: 'in_progress' }), 400, 'stage');
    expect(refused.detail).toContain('closed');
    const timeline = (await manager.get(`/api/v1/accounts/${accountId}/timeline?limit=50`)).json().items;
    const stages = timeline.filter(
      (e: { kind?: string; data?: { projectId?: string } }) => e.kind === 'stage_changed' && e.data?.projectId === p.id,
    );
    expect(stages.map((e: { data: { to: string } }) => e.data.to)).toEqual(['closed', 'delivered', 'review', 'in_progress', 'planning']);
  });

  it('refuses skipping from brief to delivered', async () => {
    const p = await createProject(manager, accountId);
    const body = expectProblem(await manager.patch(`/api/v1/projects/${p.id}`, { stage: 'delivered' }), 400, 'stage');
    expect(body).toMatchObject({ code: 'project.stage_not_allowed', params: { from: 'brief', to: 'delivered' } });
    expect(body.detail).toMatch(/can move to planning, on hold, closed/);
    expect((await manager.get(`/api/v1/projects/${p.id}`)).json().stage).toBe('brief');
  });

  it('resumes from on_hold to the stage it left', async () => {
    const p = await createProject(manager, accountId, { stage: 'planning' });
    await manager.patch(`/api/v1/projects/${p.id}`, { stage: 'in_progress' });
    const held = (await manager.patch(`/api/v1/projects/${p.id}`, { stage: 'on_hold' })).json();
    expect(held.allowedStages).toEqual(['in_progress', 'closed']);
    expectProblem(await manager.patch(`/api/v1/projects/${p.id}`, { stage: 'review' }), 400, 'stage');
    expect((await manager.patch(`/api/v1/projects/${p.id}`, { stage: 'in_progress' })).json().stage).toBe('in_progress');
  });
});

describe('plan approval cycle', () => {
  it('draft → submitted → approved by the client → changed after a milestone edit → approved again', async () => {
    const contact = await t.createContact(manager, accountId, 'Clara');
    const client = await t.signIn('client', { contactId: contact.id });
    const p = await createProject(manager, accountId, { stage: 'planning' });
    expect(p.planStatus).toBe('draft');
    expectProblem(await manager.post(`/api/v1/projects/${p.id}/plan/submit`), 409);

    const m = await createMilestone(manager, p.id, 'Audit', '2026-04-01');
    expect((await manager.post(`/api/v1/projects/${p.id}/plan/submit`)).json().planStatus).toBe('submitted');
    const approved = (await client.post(`/api/v1/projects/${p.id}/plan/approve`, {})).json();
    expect(approved.planStatus).toBe('approved');
    expect(approved.planApprovedById).toBe(client.user.id);
    expect((await manager.get(`/api/v1/milestones/${m.id}`)).json().clientApprovedAt).toBe(approved.planApprovedAt);

    // Marking a milestone done is progress, not a change of plan.
    await manager.patch(`/api/v1/milestones/${m.id}`, { status: 'in_progress' });
    expect((await manager.get(`/api/v1/projects/${p.id}`)).json().planStatus).toBe('approved');

    await manager.patch(`/api/v1/milestones/${m.id}`, { dueDate: '2026-04-15' });
    expect((await manager.get(`/api/v1/projects/${p.id}`)).json().planStatus).toBe('changed');
    expectProblem(await client.post(`/api/v1/projects/${p.id}/plan/approve`, {}), 409);
    await manager.post(`/api/v1/projects/${p.id}/plan/submit`);
    expect((await client.post(`/api/v1/projects/${p.id}/plan/approve`, {})).json().planStatus).toBe('approved');

    await createMilestone(manager, p.id, 'Launch', '2026-05-01');
    expect((await manager.get(`/api/v1/projects/${p.id}`)).json().planStatus).toBe('changed');
  });

  it('a manager records approval on the client’s behalf only with a note', async () => {
    const p = await createProject(manager, accountId, { stage: 'planning' });
    await createMilestone(manager, p.id, 'Audit', '2026-04-01');
    await manager.post(`/api/v1/projects/${p.id}/plan/submit`);
    expectProblem(await manager.post(`/api/v1/projects/${p.id}/plan/approve`, {}), 400, 'note');
    const ok = (await manager.post(`/api/v1/projects/${p.id}/plan/approve`, { note: 'Approved by email on 2 March' })).json();
    expect(ok.planStatus).toBe('approved');
    expect(ok.planApprovalNote).toBe('Approved by email on 2 March');
  });

  it('a client sends the submitted plan back with a comment; the manager reads it on the timeline', async () => {
    const contact = await t.createContact(manager, accountId, 'Vera');
    const client = await t.signIn('client', { contactId: contact.id });
    const p = await createProject(manager, accountId, { stage: 'planning' });
    await createMilestone(manager, p.id, 'Audit', '2026-04-01');
    expectProblem(await client.post(`/api/v1/projects/${p.id}/plan/request-changes`, { comment: 'Too early' }), 409);
    await manager.post(`/api/v1/projects/${p.id}/plan/submit`);
    expectProblem(await client.post(`/api/v1/projects/${p.id}/plan/request-changes`, { comment: '  ' }), 400, 'comment');

    const back = await client.post(`/api/v1/projects/${p.id}/plan/request-changes`, { comment: 'Audit after the holidays, please' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ planStatus: 'changes_requested', can: { approvePlan: false, requestPlanChanges: false } });
    const timeline = (await manager.get(`/api/v1/accounts/${accountId}/timeline?limit=5`)).json();
    expect(timeline.items[0]).toMatchObject({
      kind: 'plan_changes_requested',
      actorId: client.user.id,
      data: { projectId: p.id, reason: 'Audit after the holidays, please' },
    });

    await manager.post(`/api/v1/projects/${p.id}/plan/submit`);
    await client.post(`/api/v1/projects/${p.id}/plan/approve`, {});
    const again = await client.post(`/api/v1/projects/${p.id}/plan/approve`, {});
    expectProblem(again, 409);
    expect(again.json().code).toBe('plan.approved_already');
  });

  it('a client user can approve only their own company’s plan', async () => {
    const other = await t.createAccount(manager, { name: 'Other Co' });
    const otherContact = await t.createContact(manager, other.id, 'Olga');
    const outsider = await t.signIn('client', { contactId: otherContact.id });
    const p = await createProject(manager, accountId, { stage: 'planning' });
    await createMilestone(manager, p.id, 'Audit', '2026-04-01');
    await manager.post(`/api/v1/projects/${p.id}/plan/submit`);
    expectProblem(await outsider.post(`/api/v1/projects/${p.id}/plan/approve`, {}), 404);
    expect((await manager.get(`/api/v1/projects/${p.id}`)).json().planStatus).toBe('submitted');
  });
});

describe('requirements', () => {
  it('keeps the previous text when an agreed requirement changes, as a change request', async () => {
    const contact = await t.createContact(manager, accountId, 'Rita');
    const client = await t.signIn('client', { contactId: contact.id });
    const p = await createProject(manager, accountId);
    const r = (await manager.post('/api/v1/requirements', { projectId: p.id, party: 'client', text: 'Provide CMS access' })).json();
    expect(r.status).toBe('proposed');
    const agreed = (await client.post(`/api/v1/requirements/${r.id}/agree`, {})).json();
    expect(agreed.status).toBe('agreed');
    expect(agreed.agreedById).toBe(client.user.id);

    const changed = (
      await manager.patch(`/api/v1/requirements/${r.id}`, {
        text: 'Provide CMS and analytics access',
        note: 'Client asked for analytics too',
      })
    ).json();
    expect(changed.status).toBe('changed');
    expect(changed.agreedById).toBeNull();
    expect(changed.history.at(-1)).toMatchObject({ text: 'Provide CMS access', status: 'agreed', note: 'Client asked for analytics too' });
    expectProblem(await client.patch(`/api/v1/requirements/${r.id}`, { text: 'x' }), 403);
    expect((await client.post(`/api/v1/requirements/${r.id}/agree`, {})).json().status).toBe('agreed');
  });

  it('refuses a bad party and an empty text with field errors', async () => {
    const p = await createProject(manager, accountId);
    expectProblem(await manager.post('/api/v1/requirements', { projectId: p.id, party: 'vendor', text: 'x' }), 400, 'party');
    expectProblem(await manager.post('/api/v1/requirements', { projectId: p.id, party: 'client', text: '  ' }), 400, 'text');
  });
});

describe('briefs', () => {
  it('copies the questionnaire of the kind of work and lists missing answers', async () => {
    const p = await createProject(manager, accountId, { kind: 'copywriting' });
    const brief = (await manager.get(`/api/v1/projects/${p.id}/brief`)).json();
    expect(brief.questions.map((q: { id: string }) => q.id)).toContain('tone');
    expect(brief.missing).toHaveLength(brief.questions.length);
    const answered = (
      await manager.put(`/api/v1/projects/${p.id}/brief/answers`, { answers: [{ questionId: 'tone', answer: 'Friendly' }] })
    ).json();
    expect(answered.missing).not.toContain('tone');
    expect(answered.questions.find((q: { id: string }) => q.id === 'tone')).toMatchObject({
      answer: 'Friendly',
      answeredById: manager.user.id,
    });
    expectProblem(
      await manager.put(`/api/v1/projects/${p.id}/brief/answers`, { answers: [{ questionId: 'nope', answer: 'x' }] }),
      400,
      'answers',
    );
  });

  it('admins edit templates; new projects use the edited questions; managers cannot edit', async () => {
    const questions = [{ id: 'q1', text: 'What is the main offer?' }];
    expectProblem(await manager.put('/api/v1/brief-templates/design', { questions }), 403);
    expect((await t.admin.put('/api/v1/brief-templates/design', { questions })).statusCode).toBe(200);
    const p = await createProject(manager, accountId, { kind: 'design' });
    expect((await manager.get(`/api/v1/projects/${p.id}/brief`)).json().questions.map((q: { id: string }) => q.id)).toEqual(['q1']);
  });
});

describe('team', () => {
  it('sets the team by role in one go; only active specialists may join', async () => {
    const p = await createProject(manager, accountId);
    const a = await t.signIn('specialist');
    const b = await t.signIn('specialist');
    const res = await manager.put(`/api/v1/projects/${p.id}/team`, {
      members: [
        { userId: a.user.id, role: 'seo' },
        { userId: b.user.id, role: 'copywriter' },
        { userId: a.user.id, role: 'seo' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json()
        .team.map((m: { userId: string; role: string }) => `${m.userId}:${m.role}`)
        .sort(),
    ).toEqual([`${a.user.id}:seo`, `${b.user.id}:copywriter`].sort());
    expectProblem(
      await manager.put(`/api/v1/projects/${p.id}/team`, { members: [{ userId: manager.user.id, role: 'seo' }] }),
      400,
      'members',
    );
    expect((await manager.get(`/api/v1/projects/${p.id}`)).json().team).toHaveLength(2);
  });
});
