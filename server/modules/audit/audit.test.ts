import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, createInteraction, expectProblem, fetchAllPages } from '../../test/fixtures.js';
import { PASSWORD, createTestApp, type Caller, type TestApp } from '../../test/harness.js';

let t: TestApp;
let m: Caller;
beforeAll(async () => {
  t = await createTestApp();
  m = await t.signIn('account_manager', { name: 'Maria Manager' });
});
afterAll(() => t.close());

const only = async (recordId: string, action: string) => {
  const entries = (await auditEntries(t, `recordId=${recordId}`)).filter((e) => e.action === action);
  expect(entries).toHaveLength(1);
  return entries[0];
};

describe('audit entries for accounts, contacts and interactions', () => {
  it('records the creator and the fields a new account starts with', async () => {
    const account = await t.createAccount(m, { name: 'Audited Ltd', industry: 'Print', creditLimitMinor: 500_00 });
    const entry = await only(account.id, 'create');
    expect(entry).toMatchObject({ actorId: m.user.id, actorName: 'Maria Manager', recordType: 'account' });
    expect(entry.changes).toMatchObject({
      name: { before: null, after: 'Audited Ltd' },
      industry: { before: null, after: 'Print' },
      creditLimitMinor: { before: null, after: 50000 },
      ownerId: { before: null, after: m.user.id },
    });
    for (const bookkeeping of ['version', 'createdAt', 'updatedAt', 'searchText']) expect(entry.changes).not.toHaveProperty(bookkeeping);
  });

  it('records only the fields an update changed, before and after', async () => {
    const account = await t.createAccount(m, { name: 'Changing Ltd', industry: 'Print' });
    const res = await m.patch(`/api/v1/accounts/${account.id}`, {
      name: 'Changing Ltd',
      industry: 'Retail',
      status: 'active',
      creditLimitMinor: 100,
    });
    expect(res.statusCode).toBe(200);
    const entry = await only(account.id, 'update');
    expect(entry.actorId).toBe(m.user.id);
    expect(entry.changes).toEqual({
      industry: { before: 'Print', after: 'Retail' },
      status: { before: 'prospect', after: 'active' },
      creditLimitMinor: { before: null, after: 100 },
    });
  });

  it('records what a deleted account held', async () => {
    const account = await t.createAccount(m, { name: 'Gone Ltd', website: 'gone.example' });
    expect((await m.delete(`/api/v1/accounts/${account.id}`)).statusCode).toBe(204);
    const entry = await only(account.id, 'delete');
    // The name and the currency stay with the entry, so it reads as "Gone Ltd" after the account is gone.
    expect(entry).toMatchObject({ actorId: m.user.id, recordType: 'account', recordLabel: 'Gone Ltd', context: { currency: 'EUR' } });
    expect(entry.changes).toMatchObject({
      name: { before: 'Gone Ltd', after: null },
      website: { before: 'https://gone.example', after: null },
    });
  });

  it('records contact and interaction changes the same way', async () => {
    const account = await t.createAccount(m, { name: 'People Ltd' });
    const anna = await t.createContact(m, account.id, 'Anna');
    const boris = await t.createContact(m, account.id, 'Boris');
    expect((await only(anna.id, 'create')).changes.firstName).toEqual({ before: null, after: 'Anna' });
    await m.patch(`/api/v1/contacts/${anna.id}`, { position: 'CFO', firstName: 'Anna' });
    expect((await only(anna.id, 'update')).changes).toEqual({ position: { before: null, after: 'CFO' } });

    const call = await createInteraction(m, account.id, { summary: 'Budget call', contactIds: [anna.id] });
    expect((await only(call.id, 'create')).recordType).toBe('interaction');
    await m.patch(`/api/v1/interactions/${call.id}`, { contactIds: [anna.id, boris.id], outcome: 'Agreed' });
    expect((await only(call.id, 'update')).changes).toEqual({
      contactIds: { before: [anna.id], after: [anna.id, boris.id] },
      outcome: { before: null, after: 'Agreed' },
    });
    await m.delete(`/api/v1/interactions/${call.id}`);
    await m.delete(`/api/v1/contacts/${boris.id}`);
    expect((await only(call.id, 'delete')).changes.summary).toEqual({ before: 'Budget call', after: null });
    expect((await only(boris.id, 'delete')).changes.firstName).toEqual({ before: 'Boris', after: null });
  });
});

describe('audit entries for users', () => {
  it('records user changes by the admin and never a password or its hash', async () => {
    const created = await t.admin.post('/api/v1/users', {
      email: 'new.hire@example.test',
      name: 'New Hire',
      role: 'specialist',
      password: PASSWORD,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const newPassword = 'Another-Long-Secret-42';
    await t.admin.patch(`/api/v1/users/${id}`, { password: newPassword, name: 'Senior Hire' });

    const entries = await auditEntries(t, `recordId=${id}`);
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([
      ['update', t.admin.user.id],
      ['create', t.admin.user.id],
    ]);
    expect(entries[0].changes).toEqual({ name: { before: 'New Hire', after: 'Senior Hire' } });
    expect(entries[1].changes).toMatchObject({
      email: { before: null, after: 'new.hire@example.test' },
      role: { before: null, after: 'specialist' },
    });

    const stored = await t.database.db.selectFrom('audit_log').select('changes').execute();
    const everything = JSON.stringify(stored) + JSON.stringify(entries);
    for (const secret of [PASSWORD, newPassword, '$argon2', 'password_hash', 'passwordHash']) expect(everything).not.toContain(secret);
  });
});

describe('reading the audit log', () => {
  let other: Caller;
  let accountId: string;
  let contactId: string;
  beforeAll(async () => {
    other = await t.signIn('account_manager');
    accountId = (await t.createAccount(other, { name: 'Filtered Ltd' })).id;
    contactId = (await t.createContact(other, accountId, 'Filip')).id;
    await other.patch(`/api/v1/accounts/${accountId}`, { industry: 'Filters' });
  });

  it('filters by record type, record id and actor, alone and together', async () => {
    const byActor = await auditEntries(t, `actorId=${other.user.id}`);
    expect(byActor.map((e) => [e.recordType, e.action])).toEqual([
      ['account', 'update'],
      ['contact', 'create'],
      ['account', 'create'],
    ]);
    expect(byActor.every((e) => e.actorId === other.user.id)).toBe(true);
    expect((await auditEntries(t, `recordId=${accountId}`)).map((e) => e.action)).toEqual(['update', 'create']);
    expect((await auditEntries(t, `recordType=contact&actorId=${other.user.id}`)).map((e) => e.recordId)).toEqual([contactId]);
    expect(await auditEntries(t, `recordType=contact&recordId=${accountId}`)).toEqual([]);
    const contacts = await auditEntries(t, 'recordType=contact');
    expect(contacts.length).toBeGreaterThan(1);
    expect(contacts.every((e) => e.recordType === 'contact')).toBe(true);
  });

  it('pages through entries written in the same instant without gaps or duplicates', async () => {
    const busy = await t.signIn('account_manager');
    const account = await t.createAccount(busy, { name: 'Busy Ltd' });
    for (let i = 0; i < 6; i++) await busy.patch(`/api/v1/accounts/${account.id}`, { paymentTermsDays: 10 + i });
    const whole = await auditEntries(t, `actorId=${busy.user.id}`);
    expect(whole).toHaveLength(7);
    const walked = await fetchAllPages(t.admin, `/api/v1/audit-log?actorId=${busy.user.id}&limit=2`);
    expect(walked).toEqual(whole);
  });

  it.each(['account_manager', 'specialist', 'finance'] as const)('refuses a %s with 403', async (role) => {
    expectProblem(await (await t.signIn(role)).get('/api/v1/audit-log'), 403);
  });

  it('refuses a client user with 403', async () => {
    const account = await t.createAccount(m, { name: 'Portal Ltd' });
    const contact = await t.createContact(m, account.id, 'Petra');
    const client = await t.signIn('client', { contactId: contact.id });
    expectProblem(await client.get(`/api/v1/audit-log?recordId=${account.id}`), 403);
  });
});
