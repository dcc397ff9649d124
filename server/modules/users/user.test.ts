import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_PHOTO_MAX_BYTES } from '../../../common/schemas/user.js';
import { expectNoWrite, expectProblem, TINY_JPEG, TINY_PNG } from '../../test/fixtures.js';
import { createTestApp, PASSWORD, type Caller, type TestApp } from '../../test/harness.js';
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

const upload = (by: Caller, userId: string, body: Buffer, type = 'image/png') =>
  by.put(`/api/v1/users/${userId}/photo`, body, { 'content-type': type });
const photoOf = (userId: string) => w.as.finance.get(`/api/v1/users/${userId}/photo`);

describe('a user’s photo', () => {
  it('is set by the user themself, recognised by its content whatever type is declared', async () => {
    const id = w.as.specialist.user.id;
    expect((await photoOf(id)).statusCode).toBe(404);
    expect((await upload(w.as.specialist, id, TINY_PNG, 'application/octet-stream')).statusCode).toBe(204);
    const back = await photoOf(id);
    expect(back.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(back.rawPayload, TINY_PNG)).toBe(0);
    const me = (await w.as.specialist.get(`/api/v1/users/${id}`)).json();
    expect(me.can.changePhoto).toBe(true);
  });

  it('is changed and removed by an admin for anyone, by no other user (403)', async () => {
    const id = w.as.backup.user.id;
    const refused = await upload(w.as.owner, id, TINY_PNG);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('access.user_photo');
    expect((await w.as.owner.delete(`/api/v1/users/${id}/photo`)).statusCode).toBe(403);
    expect((await w.as.owner.get(`/api/v1/users/${id}`)).json().can.changePhoto).toBe(false);
    expect((await upload(t.admin, id, TINY_PNG)).statusCode).toBe(204);
    expect((await photoOf(id)).statusCode).toBe(200);
    expect((await t.admin.delete(`/api/v1/users/${id}/photo`)).statusCode).toBe(204);
    expect((await photoOf(id)).statusCode).toBe(404);
  });

  it('refuses a file that is not a PNG or JPEG (415), an SVG included, and keeps the photo it had', async () => {
    const id = w.as.finance.user.id;
    expect((await upload(w.as.finance, id, TINY_PNG)).statusCode).toBe(204);
    for (const [body, type] of [
      ['<html><script>alert(1)</script></html>', 'image/png'],
      ['<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', 'image/svg+xml'],
    ]) {
      const res = await upload(w.as.finance, id, Buffer.from(body), type);
      expect(res.statusCode).toBe(415);
      expect(res.json().code).toBe('user.photo_type');
    }
    expect(Buffer.compare((await photoOf(id)).rawPayload, TINY_PNG)).toBe(0);
  });

  it('refuses more than 2 MB (413) and a cut image (400)', async () => {
    const id = w.as.nonOwner.user.id;
    const big = await upload(w.as.nonOwner, id, Buffer.concat([TINY_PNG, Buffer.alloc(USER_PHOTO_MAX_BYTES)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('user.photo_too_large');
    const cut = await upload(w.as.nonOwner, id, TINY_PNG.subarray(0, 12));
    expect(cut.statusCode).toBe(400);
    expect(cut.json().code).toBe('user.photo_unreadable');
    expect((await photoOf(id)).statusCode).toBe(404);
  });

  it('is on the user record as an address that changes with each photo: in a page of users, one user and the signed-in one', async () => {
    const person = await t.signIn('specialist', { name: 'Photo Person' });
    const id = person.user.id;
    const other = w.as.clientA.user.id;
    const addressOf = async () => (await t.admin.get(`/api/v1/users/${id}`)).json().photoUrl;
    expect(await addressOf()).toBeNull();
    expect((await upload(person, id, TINY_PNG)).statusCode).toBe(204);
    const first = await addressOf();
    expect(first).toMatch(new RegExp(`^/api/v1/users/${id}/photo\\?v=[0-9a-f]{12}$`));
    const page = (await t.admin.get(`/api/v1/users?ids=${id},${other}`)).json().items;
    expect(Object.fromEntries(page.map((u: { id: string; photoUrl: string | null }) => [u.id, u.photoUrl]))).toEqual({
      [id]: first,
      [other]: null,
    });
    expect((await person.get('/api/v1/auth/me')).json().user.photoUrl).toBe(first);

    expect((await upload(t.admin, id, TINY_JPEG, 'image/jpeg')).statusCode).toBe(204);
    const second = await addressOf();
    expect(second).not.toBe(first);
    expect((await t.admin.get(second)).headers['content-type']).toBe('image/jpeg');
    expect((await person.delete(`/api/v1/users/${id}/photo`)).statusCode).toBe(204);
    expect(await addressOf()).toBeNull();
  });

  it('is read by staff and by the user themself, a client user included, and by no other client (404)', async () => {
    const { clientA, clientB } = w.as;
    const id = clientA.user.id;
    expect((await upload(clientA, id, TINY_PNG)).statusCode).toBe(204);
    const url = (await clientA.get(`/api/v1/users/${id}`)).json().photoUrl;
    expect((await clientA.get(url)).statusCode).toBe(200);
    expect((await w.as.finance.get(url)).statusCode).toBe(200);
    expect((await clientB.get(url)).statusCode).toBe(404);
    expect((await clientB.put(`/api/v1/users/${id}/photo`, TINY_PNG, { 'content-type': 'image/png' })).statusCode).toBe(403);
    expect((await clientA.delete(`/api/v1/users/${id}/photo`)).statusCode).toBe(204);
  });

  it('is sent with its hash as ETag: a browser that has it gets 304 without the bytes, a new photo in full', async () => {
    const id = w.as.owner.user.id;
    expect((await upload(w.as.owner, id, TINY_PNG)).statusCode).toBe(204);
    const first = await photoOf(id);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await w.as.finance.get(`/api/v1/users/${id}/photo`, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect((await upload(w.as.owner, id, TINY_JPEG, 'image/jpeg')).statusCode).toBe(204);
    const changed = await w.as.finance.get(`/api/v1/users/${id}/photo`, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(Buffer.compare(changed.rawPayload, TINY_JPEG)).toBe(0);
    expect((await w.as.owner.delete(`/api/v1/users/${id}/photo`)).statusCode).toBe(204);
  });

  it('answers 404 for a user who does not exist', async () => {
    expect((await upload(t.admin, 'no-such-user', TINY_PNG)).statusCode).toBe(404);
  });
});
