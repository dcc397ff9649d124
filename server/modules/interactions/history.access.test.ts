import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInteraction, expectProblem } from '../../test/fixtures.js';
import { createTestApp, type Caller, type TestApp } from '../../test/harness.js';

/*
 * The timeline page checks access inside its query and asks about the account only when the
 * page comes back empty: an empty page must still tell "nothing more" from "not yours".
 */
let t: TestApp;
let owner: Caller;
let other: Caller;
let accountId: string;
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
/** A position older than anything on the timeline: the page after it is empty. */
const pastTheEnd = b64({ v: '2000-01-01T00:00:00.000Z', id: 'z' });

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signIn('account_manager');
  other = await t.signIn('account_manager');
  accountId = (await t.createAccount(owner, { name: 'Quiet Ltd' })).id;
  await createInteraction(owner, accountId, { summary: 'Intro', contactIds: [(await t.createContact(owner, accountId, 'Ann')).id] });
});
afterAll(() => t.close());

describe('timeline access', () => {
  it('answers an empty page past the end to those who may read the account', async () => {
    for (const caller of [owner, t.admin, await t.signIn('finance')]) {
      const res = await caller.get(`/api/v1/accounts/${accountId}/timeline?cursor=${pastTheEnd}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ items: [], nextCursor: null });
    }
  });

  it('answers 404, not an empty page, to a manager of other accounts and for an unknown account', async () => {
    for (const url of [`/api/v1/accounts/${accountId}/timeline`, `/api/v1/accounts/${accountId}/timeline?cursor=${pastTheEnd}`]) {
      expectProblem(await other.get(url), 404);
    }
    expectProblem(await owner.get(`/api/v1/accounts/no-such-account/timeline?cursor=${pastTheEnd}`), 404);
  });

  it('answers 404 before 400 when a bad cursor comes with an account the caller may not read', async () => {
    expectProblem(await other.get(`/api/v1/accounts/${accountId}/timeline?cursor=not*a*cursor`), 404);
    expectProblem(await owner.get(`/api/v1/accounts/${accountId}/timeline?cursor=not*a*cursor`), 400, 'cursor');
  });

  it('lists an interaction with its contacts, as the interaction itself reads', async () => {
    const items = (await owner.get(`/api/v1/accounts/${accountId}/timeline`)).json().items;
    const entry = items.find((e: { entryType: string }) => e.entryType === 'interaction');
    expect(entry.interaction.contactIds).toHaveLength(1);
    const alone = (await owner.get(`/api/v1/interactions/${entry.id}`)).json();
    expect(entry.interaction).toEqual(alone);
  });
});
