import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../common/schemas/account.js';
import type { Contact } from '../../../common/schemas/contact.js';
import { createInteraction, expectNoWrite, expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';

let t: TestApp;
let manager: Caller;
let account: Account;
let contact: Contact;
let foreignContact: Contact;
let financeId: string;
let interactionId: string;
beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signIn('account_manager');
  financeId = (await t.signIn('finance')).user.id;
  account = await t.createAccount(manager, { name: 'Validation Ltd' });
  contact = await t.createContact(manager, account.id, 'Vera');
  foreignContact = await t.createContact(manager, (await t.createAccount(manager)).id, 'Felix');
  interactionId = (await createInteraction(manager, account.id)).id;
});
afterAll(() => t.close());

const JSON_HEADERS = { 'content-type': 'application/json' };
const call = `${new Date('2026-03-01T10:00:00Z').toISOString()}`;

/** [what, url, body, field that must be named in `errors`] — each must answer 400 and write nothing. */
type BadWrite = [string, string, () => unknown, string | null];

const badCreates: BadWrite[] = [
  ['account without a name', '/api/v1/accounts', () => ({}), 'name'],
  ['account with a blank name', '/api/v1/accounts', () => ({ name: '   ' }), 'name'],
  ['account name as a number', '/api/v1/accounts', () => ({ name: 42 }), 'name'],
  ['account with an unknown status', '/api/v1/accounts', () => ({ name: 'X', status: 'dead' }), 'status'],
  ['account with a fractional credit limit', '/api/v1/accounts', () => ({ name: 'X', creditLimitMinor: 10.5 }), 'creditLimitMinor'],
  ['account with a negative credit limit', '/api/v1/accounts', () => ({ name: 'X', creditLimitMinor: -100 }), 'creditLimitMinor'],
  ['account with money as a string', '/api/v1/accounts', () => ({ name: 'X', creditLimitMinor: '1000' }), 'creditLimitMinor'],
  ['account with payment terms as text', '/api/v1/accounts', () => ({ name: 'X', paymentTermsDays: '30' }), 'paymentTermsDays'],
  ['account with a lower-case currency', '/api/v1/accounts', () => ({ name: 'X', currency: 'eur' }), 'currency'],
  ['account in an unsupported language', '/api/v1/accounts', () => ({ name: 'X', language: 'de' }), 'language'],
  ['account owned by a finance user', '/api/v1/accounts', () => ({ name: 'X', ownerId: financeId }), 'ownerId'],
  ['account owned by nobody known', '/api/v1/accounts', () => ({ name: 'X', ownerId: 'no-such-user' }), 'ownerId'],
  ['account as an array', '/api/v1/accounts', () => [{ name: 'X' }], null],
  ['contact without accountId', '/api/v1/contacts', () => ({ firstName: 'Ann' }), 'accountId'],
  ['contact without a first name', '/api/v1/contacts', () => ({ accountId: account.id }), 'firstName'],
  ['contact of an unknown account', '/api/v1/contacts', () => ({ accountId: 'no-such-account', firstName: 'Ann' }), 'accountId'],
  ['contact with a bad email', '/api/v1/contacts', () => ({ accountId: account.id, firstName: 'Ann', email: 'not-an-email' }), 'email'],
  [
    'contact with an unknown decision role',
    '/api/v1/contacts',
    () => ({ accountId: account.id, firstName: 'Ann', decisionRole: 'boss' }),
    'decisionRole',
  ],
  [
    'contact with portalAccess as text',
    '/api/v1/contacts',
    () => ({ accountId: account.id, firstName: 'Ann', portalAccess: 'yes' }),
    'portalAccess',
  ],
  [
    'interaction of an unknown type',
    '/api/v1/interactions',
    () => ({ accountId: account.id, type: 'fax', occurredAt: call, summary: 'S' }),
    'type',
  ],
  ['interaction without occurredAt', '/api/v1/interactions', () => ({ accountId: account.id, type: 'call', summary: 'S' }), 'occurredAt'],
  [
    'interaction at a time that is not ISO',
    '/api/v1/interactions',
    () => ({ accountId: account.id, type: 'call', occurredAt: 'yesterday', summary: 'S' }),
    'occurredAt',
  ],
  ['interaction without a summary', '/api/v1/interactions', () => ({ accountId: account.id, type: 'call', occurredAt: call }), 'summary'],
  [
    'interaction with a next step due on 30 February',
    '/api/v1/interactions',
    () => ({ accountId: account.id, type: 'call', occurredAt: call, summary: 'S', nextStepDue: '2026-02-30' }),
    'nextStepDue',
  ],
  [
    'interaction with contactIds as a string',
    '/api/v1/interactions',
    () => ({ accountId: account.id, type: 'call', occurredAt: call, summary: 'S', contactIds: contact.id }),
    'contactIds',
  ],
  [
    'interaction with a contact of another account',
    '/api/v1/interactions',
    () => ({ accountId: account.id, type: 'call', occurredAt: call, summary: 'S', contactIds: [contact.id, foreignContact.id] }),
    'contactIds',
  ],
  [
    'interaction with an unknown contact',
    '/api/v1/interactions',
    () => ({ accountId: account.id, type: 'call', occurredAt: call, summary: 'S', contactIds: ['no-such-contact'] }),
    'contactIds',
  ],
];

describe('bad input on create answers 400 problem+json and writes nothing', () => {
  it.each(badCreates)('%s', async (_what, url, body, field) => {
    const res = await expectNoWrite(t, () => manager.post(url, body()));
    const problem = expectProblem(res, 400, field ?? undefined);
    if (field) expect(problem.errors.find((e: { field: string }) => e.field === field).message.length).toBeGreaterThan(0);
  });
});

/** [what, path of the record, body, field] — the record must keep its version and no audit entry may appear. */
const badUpdates: Array<[string, () => string, () => unknown, string]> = [
  ['account status outside the list', () => `/api/v1/accounts/${account.id}`, () => ({ status: 'archived' }), 'status'],
  [
    'account credit limit with cents as a fraction',
    () => `/api/v1/accounts/${account.id}`,
    () => ({ creditLimitMinor: 10.5 }),
    'creditLimitMinor',
  ],
  ['account credit limit below zero', () => `/api/v1/accounts/${account.id}`, () => ({ creditLimitMinor: -1 }), 'creditLimitMinor'],
  ['account payment terms beyond a year', () => `/api/v1/accounts/${account.id}`, () => ({ paymentTermsDays: 400 }), 'paymentTermsDays'],
  ['account name emptied', () => `/api/v1/accounts/${account.id}`, () => ({ name: '' }), 'name'],
  ['contact email made invalid', () => `/api/v1/contacts/${contact.id}`, () => ({ email: 'nobody@' }), 'email'],
  [
    'interaction linked to a contact of another account',
    () => `/api/v1/interactions/${interactionId}`,
    () => ({ contactIds: [foreignContact.id] }),
    'contactIds',
  ],
  [
    'interaction moved to a date that does not exist',
    () => `/api/v1/interactions/${interactionId}`,
    () => ({ occurredAt: '2026-02-30T10:00:00Z' }),
    'occurredAt',
  ],
];

describe('bad input on update answers 400 and changes nothing', () => {
  it.each(badUpdates)('%s', async (_what, path, body, field) => {
    const before = (await manager.get(path())).json();
    const res = await expectNoWrite(t, () => manager.patch(path(), body()));
    expectProblem(res, 400, field);
    expect((await manager.get(path())).json()).toEqual(before);
  });

  it('answers 400 to an If-Match that is not a version, and changes nothing', async () => {
    for (const ifMatch of ['abc', '"1.5"', '"-1"', '1, 2']) {
      const res = await expectNoWrite(t, () =>
        manager.patch(`/api/v1/accounts/${account.id}`, { industry: 'Garbage' }, { 'if-match': ifMatch }),
      );
      expectProblem(res, 400, 'If-Match');
    }
    expect((await manager.get(`/api/v1/accounts/${account.id}`)).json().industry).toBeNull();
  });
});

describe('bodies the server cannot read', () => {
  it.each([
    ['truncated JSON', '{"name": "Half'],
    ['JSON with a trailing comma', '{"name": "X",}'],
    ['an empty body declared as JSON', ''],
  ])('answers 400 problem+json to %s and writes nothing', async (_what, payload) => {
    const res = await expectNoWrite(t, () => manager.request('POST', '/api/v1/accounts', payload, JSON_HEADERS));
    expectProblem(res, 400);
  });

  it('answers 413 to a body over 1 MiB and writes nothing', async () => {
    const payload = JSON.stringify({ name: 'Huge', industry: 'x'.repeat(1024 * 1024 + 16) });
    const res = await expectNoWrite(t, () => manager.request('POST', '/api/v1/accounts', payload, JSON_HEADERS));
    expectProblem(res, 413);
  });
});

describe('unknown ids', () => {
  it.each(['accounts', 'contacts', 'interactions', 'users'])('GET, PATCH and DELETE of an unknown %s answer 404', async (resource) => {
    const url = `/api/v1/${resource}/0190f1e2-0000-7000-8000-000000000000`;
    expectProblem(await manager.get(url), 404);
    if (resource === 'users') return; // users are changed by admins only (403 before the lookup)
    const body = { accounts: { name: 'Ghost' }, contacts: { firstName: 'Ghost' }, interactions: { summary: 'Ghost' } }[resource];
    expectProblem(await expectNoWrite(t, () => manager.patch(url, body)), 404);
    expectProblem(await expectNoWrite(t, () => manager.delete(url)), 404);
  });

  it('answers 404 for the timeline of an unknown account', async () => {
    expectProblem(await manager.get('/api/v1/accounts/no-such-account/timeline'), 404);
  });
});

describe('list parameters', () => {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

  it.each([
    ['random text', 'not*a*cursor'],
    ['base64 that is not JSON', Buffer.from('hello').toString('base64url')],
    ['JSON without a position', b64({ hello: 'world' })],
    ['a position of the wrong types', b64({ v: { nested: true }, id: 7 })],
  ])('answers 400 to a cursor that is %s', async (_what, cursor) => {
    for (const url of ['/api/v1/accounts', '/api/v1/contacts', '/api/v1/interactions', `/api/v1/accounts/${account.id}/timeline`]) {
      expectProblem(await manager.get(`${url}?cursor=${cursor}`), 400, 'cursor');
    }
  });

  it('answers 400, not 500, to a cursor whose position does not fit the sort', async () => {
    const cursor = b64({ v: 'not a date', id: account.id });
    expectProblem(await manager.get(`/api/v1/accounts?sort=-createdAt&cursor=${cursor}`), 400, 'cursor');
    expectProblem(await manager.get(`/api/v1/interactions?cursor=${cursor}`), 400, 'cursor');
    expectProblem(await manager.get(`/api/v1/accounts/${account.id}/timeline?cursor=${cursor}`), 400, 'cursor');
  });

  it.each([
    ['limit=abc', 'limit'],
    ['limit=0', 'limit'],
    ['limit=2.5', 'limit'],
    ['sort=revenue', 'sort'],
    ['status=gone', 'status'],
    ['createdFrom=2026-02-30', 'createdFrom'],
  ])('answers 400 to ?%s', async (query, field) => {
    expectProblem(await manager.get(`/api/v1/accounts?${query}`), 400, field);
  });
});
