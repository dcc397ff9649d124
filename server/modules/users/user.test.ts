import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem } from '../../test/fixtures.js';
import { createTestApp, PASSWORD, type TestApp } from '../../test/harness.js';
import { buildWorld, type World } from '../../test/world.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const newUser = (extra: Record<string, unknown>) => ({
  email: `u${Math.random()}@example.test`,
  name: 'New One',
  password: PASSWORD,
  ...extra,
});

describe('linking users to client contacts', () => {
  it('PATCH /users/:id with a contact id that does not exist answers 400 on contactId, not 500, and writes nothing', async () => {
    const res = await expectNoWrite(t, () => t.admin.patch(`/api/v1/users/${w.as.clientA.user.id}`, { contactId: 'no-such-contact' }));
    const body = expectProblem(res, 400, 'contactId');
    expect(body.errors[0].message).toBe('No contact with this id');
  });

  it('a staff user is never linked to a client contact, on create or on update', async () => {
    expectProblem(await t.admin.post('/api/v1/users', newUser({ role: 'account_manager', contactId: w.contactA.id })), 400, 'contactId');
    const res = await t.admin.patch(`/api/v1/users/${w.as.owner.user.id}`, { contactId: w.contactA.id });
    expectProblem(res, 400, 'contactId');
    expect((await t.admin.get(`/api/v1/users/${w.as.owner.user.id}`)).json()).toMatchObject({ contactId: null, accountId: null });
  });

  it('turning a client user into staff unlinks the contact and the company', async () => {
    const contact = await t.createContact(t.admin, w.accountB.id, 'Turned');
    const client = (await t.admin.post('/api/v1/users', newUser({ role: 'client', contactId: contact.id }))).json();
    expect(client.accountId).toBe(w.accountB.id);
    const res = await t.admin.patch(`/api/v1/users/${client.id}`, { role: 'finance', contactId: null });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ role: 'finance', contactId: null, accountId: null });
  });
});

describe('who sees which users', () => {
  const clientIds = () => [w.as.clientA.user.id, w.as.clientB.user.id];
  const listed = async (who: keyof World['as']) =>
    ((await w.as[who].get('/api/v1/users?limit=200')).json().items as { id: string }[]).map((u) => u.id);

  it('a manager sees staff and the client users of accounts they read, not of others', async () => {
    const ids = await listed('owner');
    expect(ids).toContain(w.as.nonOwner.user.id);
    expect(ids).toContain(w.as.clientA.user.id);
    expect(ids).not.toContain(w.as.clientB.user.id);
    expect((await listed('backup')).filter((id) => clientIds().includes(id))).toEqual([w.as.clientA.user.id]);
  });

  it('a specialist sees staff but no client user; their emails stay hidden, even by id', async () => {
    const ids = await listed('specialist');
    expect(ids).toContain(w.as.owner.user.id);
    for (const id of clientIds()) expect(ids).not.toContain(id);
    expectProblem(await w.as.specialist.get(`/api/v1/users/${w.as.clientA.user.id}`), 404);
    expectProblem(await w.as.nonOwner.get(`/api/v1/users/${w.as.clientA.user.id}`), 404);
  });

  it('admins and finance see every client user', async () => {
    for (const who of ['admin', 'finance'] as const) expect(await listed(who)).toEqual(expect.arrayContaining(clientIds()));
  });
});
