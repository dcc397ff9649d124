import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NextStep } from '../../../common/schemas/next-step.js';
import { auditEntries, createInteraction, expectNoWrite, expectProblem, fetchAllPages } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T09:00:00.000Z' });
  w = await buildWorld(t);
});
afterAll(() => t.close());

const steps = async (who: keyof World['as'], query = '') =>
  fetchAllPages<NextStep>(w.as[who], `/api/v1/next-steps?limit=2${query ? `&${query}` : ''}`);

describe('next steps agreed in meetings are tracked', () => {
  it('logging a meeting with a next step makes one owned by the logger; its date decides open or overdue', async () => {
    const logged = await createInteraction(w.as.owner, w.accountA.id, {
      type: 'meeting',
      summary: 'Quarterly review',
      nextStep: 'Send the next quarter plan',
      nextStepDue: '2026-11-29',
    });
    expect(logged).toMatchObject({ nextStep: 'Send the next quarter plan', nextStepDue: '2026-11-29' });
    expect(logged.nextStepTracking).toMatchObject({ ownerId: w.as.owner.user.id, state: 'open', doneAt: null });

    const mine = await steps('owner', 'owner=me');
    expect(mine.map((s) => [s.text, s.state])).toContainEqual(['Send the next quarter plan', 'open']);

    t.clock.set('2026-11-30T09:00:00.000Z'); // the date has passed in the agency's time zone
    const step = (await w.as.owner.get(`/api/v1/next-steps/${logged.nextStepTracking!.id}`)).json();
    expect(step).toMatchObject({ state: 'overdue', accountName: w.accountA.name, interactionId: logged.id });
    expect((await steps('owner', 'owner=me&state=overdue')).map((s) => s.id)).toContain(step.id);
    expect((await steps('owner', 'owner=me&state=open')).map((s) => s.id)).not.toContain(step.id);
  });

  it('done from the timeline entry: who and when, on the timeline, and undone again', async () => {
    t.clock.set('2026-12-01T10:00:00.000Z');
    const logged = await createInteraction(w.as.owner, w.accountA.id, { nextStep: 'Call back about the brief', nextStepDue: '2026-12-03' });
    const id = logged.nextStepTracking!.id;
    const done = await w.as.owner.post(`/api/v1/next-steps/${id}/done`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'done', doneAt: '2026-12-01T10:00:00.000Z', doneById: w.as.owner.user.id });
    expectProblem(await w.as.owner.post(`/api/v1/next-steps/${id}/done`), 409);

    const timeline = (await w.as.owner.get(`/api/v1/accounts/${w.accountA.id}/timeline?limit=20`)).json().items;
    expect(timeline.find((e: { kind?: string }) => e.kind === 'next_step_done')).toMatchObject({
      data: { nextStepId: id, text: 'Call back about the brief', interactionId: logged.id },
    });
    const entry = timeline.find((e: { id: string }) => e.id === logged.id);
    expect(entry.interaction.nextStepTracking).toMatchObject({ id, state: 'done' });

    const undone = (await w.as.owner.post(`/api/v1/next-steps/${id}/undone`)).json();
    expect(undone).toMatchObject({ state: 'open', doneAt: null, doneById: null });
    expect((await auditEntries(t, `recordId=${id}`)).map((e) => e.action)).toEqual(['update', 'update']);
  });

  it('editing the interaction moves its next step along; clearing the words removes it', async () => {
    const logged = await createInteraction(w.as.owner, w.accountA.id, { nextStep: 'Draft the contract' });
    const id = logged.nextStepTracking!.id;
    const moved = (await w.as.owner.patch(`/api/v1/interactions/${logged.id}`, { nextStepDue: '2027-01-15' })).json();
    expect(moved).toMatchObject({ nextStep: 'Draft the contract', nextStepDue: '2027-01-15', nextStepTracking: { id } });
    const cleared = (await w.as.owner.patch(`/api/v1/interactions/${logged.id}`, { nextStep: null })).json();
    expect(cleared).toMatchObject({ nextStep: null, nextStepTracking: null });
    expectProblem(await w.as.owner.get(`/api/v1/next-steps/${id}`), 404);
  });

  it('a date without words is refused, and so is an owner who cannot see the account', async () => {
    const bad = await expectNoWrite(t, () =>
      w.as.owner.post('/api/v1/interactions', {
        accountId: w.accountA.id,
        type: 'call',
        occurredAt: '2026-12-01T10:00:00Z',
        summary: 'x',
        nextStepDue: '2026-12-05',
      }),
    );
    expect(expectProblem(bad, 400, 'nextStepDue').code).toBe('nextStep.due_without_step');
    const foreign = await w.as.owner.post('/api/v1/interactions', {
      accountId: w.accountA.id,
      type: 'call',
      occurredAt: '2026-12-01T10:00:00Z',
      summary: 'x',
      nextStep: 'Someone else does it',
      nextStepOwnerId: w.as.nonOwner.user.id,
    });
    expect(expectProblem(foreign, 400, 'nextStepOwnerId').code).toBe('nextStep.owner');
    const toBackup = await createInteraction(w.as.owner, w.accountA.id, {
      nextStep: 'Backup follows up',
      nextStepOwnerId: w.as.backup.user.id,
    });
    expect(toBackup.nextStepTracking!.ownerId).toBe(w.as.backup.user.id);
  });
});

describe('who sees and changes next steps', () => {
  it('lists follow the account rules; specialists and clients are refused', async () => {
    const own = await createInteraction(w.as.owner, w.accountA.id, { nextStep: 'Only for A' });
    const theirs = await createInteraction(w.as.nonOwner, w.accountB.id, { nextStep: 'Only for B' });
    const ids = async (who: keyof World['as']) => (await steps(who)).map((s) => s.id);
    expect(await ids('owner')).toContain(own.nextStepTracking!.id);
    expect(await ids('owner')).not.toContain(theirs.nextStepTracking!.id);
    expect(await ids('admin')).toEqual(expect.arrayContaining([own.nextStepTracking!.id, theirs.nextStepTracking!.id]));
    expectProblem(await w.as.specialist.get('/api/v1/next-steps'), 403);
    expectProblem(await w.as.clientA.get('/api/v1/next-steps'), 403);
    expectProblem(await w.as.nonOwner.get(`/api/v1/next-steps/${own.nextStepTracking!.id}`), 404);
  });

  it('the owner of the step or the account’s manager completes it; a read-only viewer may not', async () => {
    const forBackup = await createInteraction(w.as.owner, w.accountA.id, {
      nextStep: 'Backup sends it',
      nextStepOwnerId: w.as.backup.user.id,
    });
    const byOwner = await createInteraction(w.as.owner, w.accountA.id, { nextStep: 'Owner sends it' });
    expect((await w.as.backup.post(`/api/v1/next-steps/${forBackup.nextStepTracking!.id}/done`)).statusCode).toBe(200);
    expectProblem(await w.as.backup.post(`/api/v1/next-steps/${byOwner.nextStepTracking!.id}/done`), 403);
    expectProblem(await w.as.finance.post(`/api/v1/next-steps/${byOwner.nextStepTracking!.id}/done`), 403);
    expect((await w.as.admin.post(`/api/v1/next-steps/${byOwner.nextStepTracking!.id}/done`)).statusCode).toBe(200);
  });

  it('a next step added on its own: created, reassigned with If-Match, removed', async () => {
    const created = await w.as.owner.post('/api/v1/next-steps', {
      accountId: w.accountA.id,
      text: 'Renew the hosting',
      dueDate: '2027-02-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    const step = created.json();
    expect(step).toMatchObject({ interactionId: null, ownerId: w.as.owner.user.id, state: 'open' });
    const stale = await w.as.owner.patch(`/api/v1/next-steps/${step.id}`, { ownerId: w.as.backup.user.id }, { 'if-match': '"9"' });
    expectProblem(stale, 412);
    const moved = await w.as.owner.patch(`/api/v1/next-steps/${step.id}`, { ownerId: w.as.backup.user.id }, { 'if-match': '"1"' });
    expect(moved.json()).toMatchObject({ ownerId: w.as.backup.user.id, version: 2 });
    expectProblem(await w.as.nonOwner.post('/api/v1/next-steps', { accountId: w.accountA.id, text: 'Not mine' }), 400, 'accountId');
    expect((await w.as.owner.delete(`/api/v1/next-steps/${step.id}`)).statusCode).toBe(204);
  });
});

describe('lists', () => {
  it('not-done ones come by due date, undated last, one page at a time without repeats', async () => {
    const m = await t.signIn('account_manager');
    const account = await t.createAccount(m);
    for (const [text, due] of [
      ['Undated', undefined],
      ['Third', '2027-03-03'],
      ['First', '2027-03-01'],
      ['Second', '2027-03-02'],
    ] as const) {
      await m.post('/api/v1/next-steps', { accountId: account.id, text, dueDate: due });
    }
    const all = await fetchAllPages<NextStep>(m, '/api/v1/next-steps?owner=me&limit=1');
    expect(all.map((s) => s.text)).toEqual(['First', 'Second', 'Third', 'Undated']);
    await m.post(`/api/v1/next-steps/${all[1].id}/done`);
    await m.post(`/api/v1/next-steps/${all[0].id}/done`);
    const done = await fetchAllPages<NextStep>(m, '/api/v1/next-steps?owner=me&state=done&limit=1');
    expect(done.map((s) => s.text).sort()).toEqual(['First', 'Second']);
  });
});
