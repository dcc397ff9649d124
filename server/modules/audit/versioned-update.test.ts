import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIMELINE_EVENT_KINDS } from '../../../common/enums.js';
import { createProject } from '../../test/delivery-fixtures.js';
import { auditEntries, expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';

let t: TestApp;
let manager: Caller;
beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn('account_manager');
});
afterAll(() => t.close());

describe('a stale write answers 412 and changes nothing, wherever a record is versioned', () => {
  it('agreeing a requirement with a stale If-Match: 412, still proposed, no history, no audit entry', async () => {
    const account = await t.createAccount(manager);
    const project = await createProject(manager, account.id);
    const r = (await manager.post('/api/v1/requirements', { projectId: project.id, party: 'client', text: 'Provide CMS access' })).json();
    await manager.patch(`/api/v1/requirements/${r.id}`, { text: 'Provide CMS and analytics access' }, { 'if-match': '"1"' });

    const stale = await manager.post(`/api/v1/requirements/${r.id}/agree`, { note: 'Agreed on the call' }, { 'if-match': '"1"' });
    expectProblem(stale, 412);
    const now = (await manager.get(`/api/v1/requirements/${r.id}`)).json();
    expect(now).toMatchObject({ status: 'proposed', version: 2, agreedById: null });
    expect(now.history).toHaveLength(1); // only the text change, not the refused decision
    expect((await auditEntries(t, `recordId=${r.id}`)).map((e) => e.action)).toEqual(['update', 'create']);

    const fresh = await manager.post(`/api/v1/requirements/${r.id}/agree`, { note: 'Agreed on the call' }, { 'if-match': '"2"' });
    expect(fresh.statusCode, fresh.body).toBe(200);
    expect(fresh.json()).toMatchObject({ status: 'agreed', version: 3 });
  });

  it('changing your own profile with a stale If-Match: 412 and the name stays', async () => {
    const me = await t.signIn('specialist', { name: 'Sam Before' });
    const first = await me.patch('/api/v1/auth/me', { name: 'Sam First' }, { 'if-match': '"1"' });
    expect(first.statusCode, first.body).toBe(200);
    expectProblem(await me.patch('/api/v1/auth/me', { name: 'Sam Second' }, { 'if-match': '"1"' }), 412);
    const now = (await me.get('/api/v1/auth/me')).json();
    expect(now.user).toMatchObject({ name: 'Sam First', version: 2 });
    expect((await auditEntries(t, `recordId=${me.user.id}`)).map((e) => e.action)).toEqual(['update', 'create']);
  });

  it('two profile changes racing with the same version: exactly one wins', async () => {
    const me = await t.signIn('finance');
    const [a, b] = await Promise.all([
      me.patch('/api/v1/auth/me', { language: 'ru' }, { 'if-match': '"1"' }),
      me.patch('/api/v1/auth/me', { name: 'Racer' }, { 'if-match': '"1"' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
    expect((await me.get('/api/v1/auth/me')).json().user.version).toBe(2);
  });
});

describe('the timeline registry', () => {
  it('every event kind the API documents is declared by the module that records it', () => {
    expect(t.app.services.timeline.registeredKinds().sort()).toEqual([...TIMELINE_EVENT_KINDS].sort());
  });
});
